//! A ceiling on the work one rule's condition may do, checked when the rule
//! is loaded. CEL without comprehensions (`all`, `exists`, `map`, `filter`)
//! runs in time linear in its text; each comprehension multiplies its body
//! by the length of the list it walks, so nested ones over long lists run
//! for minutes. The estimate here takes every list a fact can hold as
//! [`FACT_LIST`] long and list literals at their length, and refuses a rule
//! whose worst case is above [`MAX_COST`], naming the rule.

use cel::common::ast::{EntryExpr, Expr, IdedExpr};

/// The length assumed for a list read from a fact (an address book, a
/// permission list): far above what an account has.
pub const FACT_LIST: u64 = 1_000;
/// Steps one condition may take in the worst case: about a tenth of a
/// second of evaluation.
pub const MAX_COST: u64 = 1_000_000;

/// Worst-case steps to evaluate `e` (saturating).
pub fn cost(e: &IdedExpr) -> u64 {
    match &e.expr {
        Expr::Unspecified | Expr::Ident(_) | Expr::Literal(_) => 1,
        Expr::Select(s) => cost(&s.operand).saturating_add(1),
        Expr::Call(c) => c
            .args
            .iter()
            .chain(c.target.as_deref())
            .map(cost)
            .fold(1u64, u64::saturating_add),
        Expr::List(l) => l.elements.iter().map(cost).fold(1u64, u64::saturating_add),
        Expr::Map(m) => entries_cost(&m.entries),
        Expr::Struct(s) => entries_cost(&s.entries),
        Expr::Comprehension(c) => {
            let per_item = cost(&c.loop_cond).saturating_add(cost(&c.loop_step));
            cost(&c.iter_range)
                .saturating_add(cost(&c.accu_init))
                .saturating_add(cost(&c.result))
                .saturating_add(length(&c.iter_range).saturating_mul(per_item))
        }
    }
}

fn entries_cost(entries: &[cel::common::ast::IdedEntryExpr]) -> u64 {
    entries
        .iter()
        .map(|e| match &e.expr {
            EntryExpr::StructField(f) => cost(&f.value),
            EntryExpr::MapEntry(m) => cost(&m.key).saturating_add(cost(&m.value)),
        })
        .fold(1u64, u64::saturating_add)
}

/// Worst-case length of the list (or map) `e` evaluates to.
fn length(e: &IdedExpr) -> u64 {
    match &e.expr {
        Expr::List(l) => l.elements.len() as u64,
        Expr::Map(m) => m.entries.len() as u64,
        // `a + b` concatenates.
        Expr::Call(c) if c.func_name == "_+_" => {
            c.args.iter().map(length).fold(0, u64::saturating_add)
        }
        // `map`/`filter` give at most as many items as they walk; the
        // accumulator of any other comprehension is bounded the same way.
        Expr::Comprehension(c) => length(&c.iter_range).max(FACT_LIST),
        _ => FACT_LIST,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(src: &str) -> u64 {
        cost(cel::Program::compile(src).unwrap().expression())
    }

    #[test]
    fn plain_conditions_are_cheap_nested_comprehensions_are_not() {
        assert!(of("api.enable_withdrawals && !api.ip_restrict") < 20);
        assert!(of("withdrawal.addresses.exists(a, !a.white)") < MAX_COST);
        assert!(
            of("withdrawal.addresses.exists(a, withdrawal.addresses.exists(b, a == b))")
                <= MAX_COST * 10
        );
        assert!(
            of("l.all(a, l.all(b, l.all(c, a == b && b == c)))") > MAX_COST,
            "three nested walks over fact lists"
        );
        let big: String = format!("[{}]", vec!["1"; 2000].join(","));
        assert!(of(&format!("{big}.all(a, {big}.all(b, a == b))")) > MAX_COST);
    }
}
