//! Rules: the signal kinds and mistake conditions a rubric is made of, each one unit that
//! compiles its own TOML definition (with line:column messages) and evaluates it against an
//! answer's [`Context`](context::Context). They sit below `rubric` and `scoring` because
//! both use them: the loader compiles each kind's definition, the scorer evaluates it.

pub mod compile;
pub mod conditions;
pub mod context;
pub mod signals;
pub mod within;
