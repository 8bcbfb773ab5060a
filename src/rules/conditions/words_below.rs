//! `words-below`: the answer has fewer words than this.

use super::{ConditionKind, Earned};
use crate::rules::compile::ConditionCompiler;
use crate::rules::context::Context;

/// ## What it does
/// Holds when the answer has fewer words than the number given.
///
/// ## Why
/// Some answers cannot be made in a few lines: a failure story with no room for what was
/// learned.
///
/// ## Example
/// ```toml
/// [mistake.when]
/// words-below = 80
/// ```
#[derive(Clone, Debug)]
pub struct WordsBelow {
    words: usize,
}

impl ConditionKind for WordsBelow {
    const KEY: &'static str = "words-below";
    const SUMMARY: &'static str = "The answer has fewer words than this.";
    type Def = usize;

    fn compile(words: &usize, _: &mut ConditionCompiler) -> Self {
        WordsBelow { words: *words }
    }

    fn holds(&self, context: &Context, _: &Earned) -> bool {
        context.analysis.word_count() < self.words
    }
}

#[cfg(test)]
mod tests {
    use super::super::test::assert_condition;

    #[test]
    fn fires_and_stays_quiet() {
        assert_condition("words-below = 5", "Too short.", true);
        assert_condition("words-below = 5", "This answer has six words.", false);
    }
}
