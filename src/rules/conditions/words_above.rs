//! `words-above`: the answer has more words than this.

use super::{ConditionKind, Earned};
use crate::rules::compile::ConditionCompiler;
use crate::rules::context::Context;

/// ## What it does
/// Holds when the answer has more words than the number given.
///
/// ## Why
/// An answer that runs on loses the interviewer; with other conditions, a long answer that
/// still misses the point.
///
/// ## Example
/// ```toml
/// [mistake.when]
/// words-above = 900
/// ```
#[derive(Clone, Debug)]
pub struct WordsAbove {
    words: usize,
}

impl ConditionKind for WordsAbove {
    const KEY: &'static str = "words-above";
    const SUMMARY: &'static str = "The answer has more words than this.";
    type Def = usize;

    fn compile(words: &usize, _: &mut ConditionCompiler) -> Self {
        WordsAbove { words: *words }
    }

    fn holds(&self, context: &Context, _: &Earned) -> bool {
        context.analysis.word_count() > self.words
    }
}

#[cfg(test)]
mod tests {
    use super::super::test::assert_condition;

    #[test]
    fn fires_and_stays_quiet() {
        assert_condition("words-above = 3", "This answer has six words.", true);
        assert_condition("words-above = 3", "Too short.", false);
    }
}
