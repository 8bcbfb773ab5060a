//! Which speaker is the candidate: the one named with `--speaker`; else the only speaker;
//! else the one speaker not named as an interviewer (or named as the candidate); else the
//! one who speaks the most words.

use serde::Serialize;

/// How the graded speaker was chosen.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum CandidateChoice {
    /// Named with `--speaker`.
    Named,
    /// The transcript has one speaker.
    OnlySpeaker,
    /// Labelled Candidate (or A, Interviewee, Me).
    CandidateRole,
    /// The one speaker not named as an interviewer.
    NotInterviewer,
    /// No label decided: the speaker with the most words.
    MostWords,
}

impl CandidateChoice {
    /// How the choice reads in a report: "the only speaker".
    pub fn describe(self) -> &'static str {
        match self {
            CandidateChoice::Named => "named with --speaker",
            CandidateChoice::OnlySpeaker => "the only speaker",
            CandidateChoice::CandidateRole => "labelled as the candidate",
            CandidateChoice::NotInterviewer => "the one speaker not named as an interviewer",
            CandidateChoice::MostWords => "the speaker with the most words",
        }
    }
}

/// The role word of a label, digits and punctuation dropped: "Interviewer 2" → "interviewer".
fn role(name: &str) -> String {
    name.to_lowercase()
        .trim_end_matches(|c: char| c.is_ascii_digit() || c == ' ' || c == '_' || c == '#')
        .to_owned()
}

pub fn is_interviewer(name: &str) -> bool {
    matches!(
        role(name).as_str(),
        "interviewer"
            | "host"
            | "q"
            | "question"
            | "recruiter"
            | "hiring manager"
            | "moderator"
            | "panelist"
            | "panel"
            | "coach"
    )
}

pub fn is_candidate_role(name: &str) -> bool {
    matches!(
        role(name).as_str(),
        "candidate" | "interviewee" | "a" | "answer" | "me" | "guest"
    )
}

/// `--speaker NAME` names no speaker of the transcript.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("--speaker `{named}` is not in the transcript; its speakers: {speakers}")]
pub struct UnknownSpeaker {
    /// The name as given.
    pub named: String,
    /// The transcript's speakers, each in backticks, comma-separated.
    pub speakers: String,
}

/// Picks the candidate among `(speaker, words)`; an error when `named` is no speaker of
/// the transcript.
pub fn choose(
    speakers: &[(String, usize)],
    named: Option<&str>,
) -> Result<(usize, CandidateChoice), UnknownSpeaker> {
    if let Some(named) = named {
        let wanted = named.trim().to_lowercase();
        return speakers
            .iter()
            .position(|(s, _)| s.to_lowercase() == wanted)
            .map(|i| (i, CandidateChoice::Named))
            .ok_or_else(|| UnknownSpeaker {
                named: named.to_owned(),
                speakers: speakers
                    .iter()
                    .map(|(s, _)| format!("`{s}`"))
                    .collect::<Vec<_>>()
                    .join(", "),
            });
    }
    if speakers.len() == 1 {
        return Ok((0, CandidateChoice::OnlySpeaker));
    }
    let candidates: Vec<usize> = (0..speakers.len())
        .filter(|&i| is_candidate_role(&speakers[i].0))
        .collect();
    if let [only] = candidates[..] {
        return Ok((only, CandidateChoice::CandidateRole));
    }
    let others: Vec<usize> = (0..speakers.len())
        .filter(|&i| !is_interviewer(&speakers[i].0))
        .collect();
    if let [only] = others[..] {
        return Ok((only, CandidateChoice::NotInterviewer));
    }
    let pool = if others.is_empty() {
        (0..speakers.len()).collect()
    } else {
        others
    };
    // Ties go to the speaker who spoke first.
    let most = pool
        .into_iter()
        .rev()
        .max_by_key(|&i| speakers[i].1)
        .unwrap_or(0);
    Ok((most, CandidateChoice::MostWords))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn speakers(list: &[(&str, usize)]) -> Vec<(String, usize)> {
        list.iter().map(|(s, w)| (s.to_string(), *w)).collect()
    }

    #[test]
    fn the_speaker_not_named_as_interviewer_else_the_most_words() {
        let s = speakers(&[("Interviewer", 300), ("Dana", 120)]);
        assert_eq!(choose(&s, None), Ok((1, CandidateChoice::NotInterviewer)));
        let s = speakers(&[("Speaker 1", 80), ("Speaker 2", 200)]);
        assert_eq!(choose(&s, None), Ok((1, CandidateChoice::MostWords)));
        let s = speakers(&[("Q", 80), ("A", 20)]);
        assert_eq!(choose(&s, None), Ok((1, CandidateChoice::CandidateRole)));
        assert_eq!(choose(&s, Some("q")), Ok((0, CandidateChoice::Named)));
        assert!(
            choose(&s, Some("Bob"))
                .unwrap_err()
                .to_string()
                .contains("`Q`, `A`")
        );
    }
}
