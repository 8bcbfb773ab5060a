//! The delivery section of a transcript, shared by the grade report and `grade analyze`:
//! speaking time, each check against its target, fillers and hedges, pauses, talk share,
//! turns and the pace of each.

use super::style::top_phrases;
use crate::analysis::Delivery;
use crate::analysis::delivery::Rate;
use crate::text::escape::line as esc;
use std::fmt::Write;

/// Seconds as `m:ss`.
fn clock(seconds: f64) -> String {
    let total = seconds.round() as u64;
    format!("{}:{:02}", total / 60, total % 60)
}

/// The delivery section, indented two spaces: checks against targets, then the detail.
/// Shared by the grade report and `grade analyze`.
pub fn render_delivery(delivery: &Delivery) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "  {} words by {} ({}) in {}{}",
        delivery.words,
        esc(&delivery.speaker),
        delivery.chosen_by,
        clock(delivery.speaking_seconds),
        if delivery.speaking_time_estimated {
            " (estimated at 150 words per minute where there are no timestamps)"
        } else {
            ""
        }
    );
    checks(&mut out, delivery);
    if delivery.pace_wpm.is_none() {
        let why = delivery.pace_note.as_deref().unwrap_or("no timestamps");
        let _ = writeln!(out, "  pace not measured: {why}");
    }
    rates(&mut out, delivery);
    pauses(&mut out, delivery);
    let shares: Vec<String> = delivery
        .talk_share
        .iter()
        .map(|s| format!("{} {:.1}% ({} words)", esc(&s.speaker), s.share, s.words))
        .collect();
    let _ = writeln!(out, "  talk share: {}", shares.join(", "));
    turns(&mut out, delivery);
    out
}

/// Each metric against its target: ✓ within, ✗ outside, with its note.
fn checks(out: &mut String, delivery: &Delivery) {
    for check in &delivery.checks {
        let mark = if check.within { "✓" } else { "✗" };
        let _ = write!(
            out,
            "  {mark} {} {:.1} ({})",
            check.metric, check.value, check.target
        );
        if let Some(note) = &check.note {
            let _ = write!(out, " — {note}");
        }
        out.push('\n');
    }
}

/// Fillers and hedges: how many, how often, and the most frequent.
fn rates(out: &mut String, delivery: &Delivery) {
    let top = |rate: &Rate| {
        if rate.count > 0 {
            format!(": {}", top_phrases(&rate.top))
        } else {
            String::new()
        }
    };
    let _ = writeln!(
        out,
        "  fillers {} ({:.1} per 100 words, {:.1} per minute){}",
        delivery.fillers.count,
        delivery.fillers.per_100_words,
        delivery.fillers.per_minute,
        top(&delivery.fillers)
    );
    let _ = writeln!(
        out,
        "  hedges {} ({:.1} per 100 words){}",
        delivery.hedges.count,
        delivery.hedges.per_100_words,
        top(&delivery.hedges)
    );
}

/// The pauses over 3 s between cues, or why they were not measured.
fn pauses(out: &mut String, delivery: &Delivery) {
    match &delivery.pauses {
        None => out.push_str("  pauses not measured: the cues have no end times\n"),
        Some(pauses) if pauses.is_empty() => out.push_str("  no pause over 3 s between cues\n"),
        Some(pauses) => {
            let _ = writeln!(out, "  {} pause(s) over 3 s:", pauses.len());
            for pause in pauses {
                let _ = writeln!(
                    out,
                    "    line {:>4}  {:.1} s ({} → {})",
                    pause.line,
                    pause.seconds,
                    esc(&pause.before),
                    esc(&pause.after)
                );
            }
        }
    }
}

/// The turns: how many, words per turn, the longest, and the pace of each.
fn turns(out: &mut String, delivery: &Delivery) {
    let _ = write!(
        out,
        "  {} turn(s), {:.1} words per turn",
        delivery.turns.len(),
        delivery.words_per_turn
    );
    if let Some(longest) = &delivery.longest_monologue {
        let _ = write!(
            out,
            "; longest at line {} ({} words, {})",
            longest.line,
            longest.words,
            clock(longest.seconds)
        );
    }
    out.push('\n');
    let paces: Vec<String> = delivery
        .turns
        .iter()
        .map(|t| {
            format!(
                "line {} {:.0}{}",
                t.line,
                t.wpm,
                if t.estimated { "*" } else { "" }
            )
        })
        .collect();
    let legend = if delivery.turns.iter().any(|t| t.estimated) {
        " (* estimated)"
    } else {
        ""
    };
    let _ = writeln!(
        out,
        "  pace per turn, words per minute{legend}: {}",
        paces.join(", ")
    );
}

#[cfg(test)]
mod tests {
    use super::clock;

    #[test]
    fn clock_reads_minutes_and_seconds() {
        assert_eq!(clock(0.0), "0:00");
        assert_eq!(clock(59.6), "1:00");
        assert_eq!(clock(185.0), "3:05");
    }
}
