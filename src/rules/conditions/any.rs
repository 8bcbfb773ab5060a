//! `any`: one of several `when` tables holds, for a mistake said in more than one way.

use super::{Condition, ConditionKind, Earned, WhenDef};
use crate::rules::compile::{ConditionCompiler, ListId};
use crate::rules::context::{Context, Hit};
use serde::Deserialize;
use toml::Spanned;

/// The value of an `any` condition: its `when` tables and where they are written.
#[derive(Debug, Deserialize)]
#[serde(transparent)]
pub struct AnyDef(Spanned<Vec<WhenDef>>);

impl schemars::JsonSchema for AnyDef {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "any".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let table = generator.subschema_for::<WhenDef>();
        schemars::json_schema!({ "type": "array", "minItems": 1, "items": table })
    }
}

/// ## What it does
/// Holds when every condition of at least one of its tables holds. Each table is a `when`
/// table of its own; the mistake's other conditions must hold as well.
///
/// ## Why
/// One mistake can be committed in shapes no single condition covers: blame is put on
/// others by an excuse ("it was out of my control") or by naming someone with how they let
/// the project down ("legal sat on it for a month"), a phrase and a pairing.
///
/// ## Example
/// ```toml
/// [mistake.when]
/// any = [
///     { present = ["out of my control", "bad luck"] },
///     { together = { phrases = ["engineering"], with = ["late", "slow"] } },
/// ]
/// missing-signals = ["ownership.owned-mistake"]
/// ```
#[derive(Clone, Debug)]
pub struct Any {
    tables: Vec<Vec<Condition>>,
}

impl Any {
    /// The tables whose every condition holds.
    fn holding<'a>(
        &'a self,
        context: &'a Context,
        earned: &'a Earned,
    ) -> impl Iterator<Item = &'a Vec<Condition>> + 'a {
        self.tables
            .iter()
            .filter(move |table| table.iter().all(|c| c.holds(context, earned)))
    }
}

impl ConditionKind for Any {
    const KEY: &'static str = "any";
    const SUMMARY: &'static str =
        "Every condition of at least one of these `when` tables holds.";
    type Def = AnyDef;

    fn compile(def: &AnyDef, cx: &mut ConditionCompiler) -> Self {
        if def.0.get_ref().is_empty() {
            let problem = "`any` needs at least one table";
            cx.problems.add(def.0.span(), Some(cx.id), problem);
        }
        let tables: Vec<Vec<Condition>> = def.0.get_ref().iter().map(|t| t.compile(cx)).collect();
        // An empty table would always hold, and with it the mistake.
        if tables.iter().any(Vec::is_empty) {
            let problem = "each `any` table needs at least one condition";
            cx.problems.add(def.0.span(), Some(cx.id), problem);
        }
        Any { tables }
    }

    fn committed_lists(&self) -> Vec<ListId> {
        let conditions = self.tables.iter().flatten();
        conditions.flat_map(Condition::committed_lists).collect()
    }

    fn said_in(&self, context: &Context, earned: &Earned) -> Vec<Hit> {
        // Only the tables that hold said it; the caller orders and dedups the hits.
        let holding = self.holding(context, earned);
        holding.flat_map(|table| table.iter().flat_map(|c| c.said_in(context, earned))).collect()
    }

    fn holds(&self, context: &Context, earned: &Earned) -> bool {
        self.holding(context, earned).next().is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::super::test::{assert_condition, problems};

    const WHEN: &str = "any = [{ present = [\"bad luck\"] }, { together = { phrases = [\"legal\"], with = [\"late\"] } }]";

    #[test]
    fn either_table_holds() {
        assert_condition(WHEN, "Honestly it came down to bad luck with the timing.", true);
        assert_condition(WHEN, "Legal came back two months late with the terms.", true);
    }

    #[test]
    fn neither_table_does_not() {
        assert_condition(WHEN, "I misjudged the demand and shipped too early.", false);
    }

    #[test]
    fn every_condition_of_a_table_must_hold() {
        let both = "any = [{ present = [\"bad luck\"], words-above = 50 }]";
        assert_condition(both, "Honestly it came down to bad luck with the timing.", false);
    }

    #[test]
    fn an_empty_any_and_a_bad_table_are_reported() {
        assert_eq!(problems("any = []"), ["22:7: `m`: `any` needs at least one table"]);
        assert_eq!(
            problems("any = [{}]"),
            ["22:7: `m`: each `any` table needs at least one condition"]
        );
        assert_eq!(
            problems("any = [{ present = [\"\"] }]"),
            ["22:20: `m`: `present` holds an empty phrase"]
        );
    }
}
