//! The delivery panel of a transcript: pace per turn as a chart, pace overall, fillers per
//! minute, hedges, talk share, and each check against its target.

use super::svg;
use crate::analysis::Delivery;
use maud::{Markup, html};

/// The pace range the delivery checks hold a candidate to, words per minute.
const PACE: (f64, f64) = (130.0, 175.0);

/// The panel of `delivery`.
pub(super) fn panel(d: &Delivery) -> Markup {
    let seconds = d.speaking_seconds.round() as u64;
    html! {
        p {
            (d.words) " words by " strong { (d.speaker) } " (" (d.chosen_by) ") in "
            (format!("{}:{:02}", seconds / 60, seconds % 60))
            @if d.speaking_time_estimated { " (estimated at 150 words per minute where there are no timestamps)" }
        }
        div.delivery {
            figure {
                (svg::pace(&d.turns, PACE.0, PACE.1))
                figcaption { "Words per minute in each of the candidate's turns; the band is the target, " (PACE.0) "–" (PACE.1) "." }
            }
            table.figures {
                tbody {
                    tr { th scope="row" { "Pace" } td { @match d.pace_wpm { Some(wpm) => (format!("{wpm:.0} words per minute")), None => "not measured: no timestamps" } } }
                    tr { th scope="row" { "Fillers" } td { (format!("{:.1}", d.fillers.per_minute)) " per minute, " (format!("{:.1}", d.fillers.per_100_words)) " per 100 words" (top(&d.fillers.top)) } }
                    tr { th scope="row" { "Hedges" } td { (format!("{:.1}", d.hedges.per_100_words)) " per 100 words" (top(&d.hedges.top)) } }
                    tr {
                        th scope="row" { "Talk share" }
                        td {
                            (svg::talk_share(&d.talk_share, &d.speaker))
                            @for (i, s) in d.talk_share.iter().enumerate() {
                                (if i > 0 { ", " } else { "" }) (s.speaker) " " (format!("{:.1}%", s.share))
                            }
                        }
                    }
                    @if let Some(turn) = &d.longest_monologue {
                        tr { th scope="row" { "Longest turn" } td { (turn.words) " words, " (format!("{:.0}", turn.seconds)) " s (line " (turn.line) ")" } }
                    }
                }
            }
        }
        ul.checks {
            @for check in &d.checks {
                li {
                    span class=(if check.within { "ok" } else { "no" }) { (if check.within { "✓" } else { "✗" }) }
                    " " (check.metric) " " (format!("{:.1}", check.value)) " (" (check.target) ")"
                    @if let Some(note) = &check.note { " — " (note) }
                }
            }
        }
    }
}

/// The most frequent phrases of a rate: ` (um 3, like 2)`.
fn top(top: &[(String, usize)]) -> String {
    if top.is_empty() {
        return String::new();
    }
    let words: Vec<String> = top.iter().map(|(w, n)| format!("{w} {n}")).collect();
    format!(" ({})", words.join(", "))
}
