//! Small inline SVG charts written by the template itself: a criterion's bar, the pace of
//! each turn, talk share, a score histogram and labelled horizontal bars. Each chart has a
//! text alternative (`role="img"` and `aria-label`), and the figures it draws are also
//! written as text beside it.

use crate::analysis::delivery::{Share, TurnDelivery};
use maud::{Markup, html};

/// A share (0–1) of one full bar, in a criterion's colour class.
pub(super) fn bar(share: f64, class: &str, label: &str) -> Markup {
    let width = 100.0 * share.clamp(0.0, 1.0);
    html! {
        svg.bar viewBox="0 0 100 8" preserveAspectRatio="none" role="img" aria-label=(label) {
            rect.track width="100" height="8" rx="2" {}
            rect class=(format!("fill {class}")) width=(format!("{width:.1}")) height="8" rx="2" {}
        }
    }
}

/// Words per minute of each turn as columns, with the target band (`low`–`high`) shaded.
pub(super) fn pace(turns: &[TurnDelivery], low: f64, high: f64) -> Markup {
    const W: f64 = 320.0;
    const H: f64 = 140.0;
    const LEFT: f64 = 34.0;
    let top = turns.iter().map(|t| t.wpm).fold(high + 40.0, f64::max);
    let y = |wpm: f64| H - 16.0 - (H - 26.0) * (wpm / top);
    let step = (W - LEFT) / turns.len().max(1) as f64;
    let label = turns
        .iter()
        .enumerate()
        .map(|(i, t)| format!("turn {}: {:.0}", i + 1, t.wpm))
        .collect::<Vec<_>>()
        .join(", ");
    html! {
        svg.chart viewBox=(format!("0 0 {W} {H}")) role="img"
            aria-label=(format!("Words per minute per turn (target {low:.0}–{high:.0}): {label}")) {
            rect.target x=(LEFT) y=(fmt(y(high))) width=(W - LEFT) height=(fmt(y(low) - y(high))) {}
            text.axis x="0" y=(fmt(y(high) + 4.0)) { (format!("{high:.0}")) }
            text.axis x="0" y=(fmt(y(low) + 4.0)) { (format!("{low:.0}")) }
            line.base x1=(LEFT) x2=(W) y1=(fmt(H - 16.0)) y2=(fmt(H - 16.0)) {}
            @for (i, turn) in turns.iter().enumerate() {
                // Columns at most 40 wide, centred in their step, so two turns do not fill the chart.
                @let width = (step * 0.7).min(40.0);
                @let x = LEFT + step * i as f64 + (step - width) / 2.0;
                rect.col.within[(low..=high).contains(&turn.wpm)] x=(fmt(x)) y=(fmt(y(turn.wpm)))
                    width=(fmt(width)) height=(fmt(H - 16.0 - y(turn.wpm))) {}
                text.value x=(fmt(x + width / 2.0)) y=(fmt(y(turn.wpm) - 3.0)) text-anchor="middle" { (format!("{:.0}", turn.wpm)) }
                text.axis x=(fmt(x + width / 2.0)) y=(fmt(H - 3.0)) text-anchor="middle" { "turn " (i + 1) }
            }
        }
    }
}

/// Each speaker's share of the words (in percent) as one stacked bar, in the delivery's
/// order, the candidate's part in the accent colour.
pub(super) fn talk_share(shares: &[Share], candidate: &str) -> Markup {
    let mut x = 0.0;
    let parts: Vec<(f64, f64, &str)> = shares
        .iter()
        .map(|s| {
            let width = s.share;
            let class = if s.speaker == candidate { "fill talk-you" } else { "fill talk-other" };
            x += width;
            (x - width, width, class)
        })
        .collect();
    let label = shares
        .iter()
        .map(|s| format!("{} {:.0}%", s.speaker, s.share))
        .collect::<Vec<_>>()
        .join(", ");
    html! {
        svg.bar.wide viewBox="0 0 100 8" preserveAspectRatio="none" role="img" aria-label=(format!("Talk share: {label}")) {
            @for (x, width, class) in parts {
                rect class=(class) x=(fmt(x)) width=(fmt(width)) height="8" {}
            }
        }
    }
}

/// A column per tenth of the score range (0–10, …, 90–100), each with its count.
pub(super) fn histogram(counts: &[usize; 10]) -> Markup {
    const H: f64 = 150.0;
    let top = counts.iter().copied().max().unwrap_or(0).max(1) as f64;
    let label = counts
        .iter()
        .enumerate()
        .map(|(i, n)| format!("{}–{}: {n}", i * 10, i * 10 + 10))
        .collect::<Vec<_>>()
        .join(", ");
    html! {
        svg.chart viewBox="0 0 420 174" role="img" aria-label=(format!("Files per score range: {label}")) {
            line.base x1="10" x2="410" y1=(H) y2=(H) {}
            @for (i, &n) in counts.iter().enumerate() {
                @let height = (H - 20.0) * n as f64 / top;
                @let x = 10.0 + 40.0 * i as f64;
                rect.col x=(fmt(x + 4.0)) y=(fmt(H - height)) width="32" height=(fmt(height)) {}
                @if n > 0 {
                    text.value x=(fmt(x + 20.0)) y=(fmt(H - height - 4.0)) text-anchor="middle" { (n) }
                }
                text.axis x=(fmt(x)) y="168" text-anchor="middle" { (i * 10) }
            }
            text.axis x="410" y="168" text-anchor="middle" { "100" }
        }
    }
}

/// One labelled horizontal bar per item: `(label, value, max, value's text, colour class)`.
pub(super) fn bars(items: &[(String, f64, f64, String, String)], aria: &str) -> Markup {
    const ROW: f64 = 22.0;
    let height = ROW * items.len() as f64 + 4.0;
    html! {
        svg.chart.rows viewBox=(format!("0 0 360 {height}")) role="img" aria-label=(aria) {
            @for (i, (label, value, max, text, class)) in items.iter().enumerate() {
                @let y = 4.0 + ROW * i as f64;
                @let share = if *max > 0.0 { (value / max).clamp(0.0, 1.0) } else { 0.0 };
                text.label x="0" y=(fmt(y + 12.0)) { (clip(label, 22)) }
                rect.track x="160" y=(fmt(y)) width="150" height="14" rx="2" {}
                rect class=(format!("fill {class}")) x="160" y=(fmt(y)) width=(fmt(150.0 * share)) height="14" rx="2" {}
                text.value x="316" y=(fmt(y + 12.0)) { (text) }
            }
        }
    }
}

/// A label cut to `chars` characters, with "…" when cut.
fn clip(label: &str, chars: usize) -> String {
    if label.chars().count() <= chars {
        return label.to_owned();
    }
    let mut cut: String = label.chars().take(chars - 1).collect();
    cut.push('…');
    cut
}

/// A coordinate with one decimal: fixed precision, so the bytes never depend on the float.
fn fmt(x: f64) -> String {
    format!("{:.1}", x + 0.0)
}
