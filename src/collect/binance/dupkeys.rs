//! Duplicate JSON keys. serde keeps the last of two equal keys, so
//! `{"enableWithdrawals":true,"enableWithdrawals":false}` would read as
//! "withdrawals off": an answer that says two things is refused instead.

use std::collections::HashSet;
use std::fmt;

use serde::Deserializer;
use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};

/// Names the first key that appears twice in one object, at any depth.
pub fn first_duplicate(body: &[u8]) -> Option<String> {
    let mut de = serde_json::Deserializer::from_slice(body);
    match Check.deserialize(&mut de) {
        Ok(()) => None,
        Err(e) => {
            let s = e.to_string();
            s.strip_prefix(MARK)
                .map(|rest| rest.split(" at line ").next().unwrap_or(rest).to_string())
        }
    }
}

const MARK: &str = "duplicate key: ";

struct Check;

impl<'de> DeserializeSeed<'de> for Check {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(Check)
    }
}

impl<'de> Visitor<'de> for Check {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }
    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        Ok(())
    }
    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        Ok(())
    }
    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        Ok(())
    }
    fn visit_str<E>(self, _: &str) -> Result<(), E> {
        Ok(())
    }
    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while seq.next_element_seed(Check)?.is_some() {}
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut seen = HashSet::new();
        while let Some(k) = map.next_key::<String>()? {
            if !seen.insert(k.clone()) {
                let shown: String = k.chars().filter(|c| !c.is_control()).take(64).collect();
                // Drain nothing more: the answer is refused anyway.
                let _ = map.next_value::<IgnoredAny>();
                return Err(de::Error::custom(format!("{MARK}{shown}")));
            }
            map.next_value_seed(Check)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn duplicates_are_found_at_any_depth() {
        assert_eq!(
            first_duplicate(br#"{"enableWithdrawals":true,"enableWithdrawals":false}"#).as_deref(),
            Some("enableWithdrawals")
        );
        assert_eq!(
            first_duplicate(br#"[{"a":1},{"b":{"c":1,"c":2}}]"#).as_deref(),
            Some("c")
        );
        assert_eq!(first_duplicate(br#"[{"a":1},{"a":2}]"#), None);
        assert_eq!(first_duplicate(br#"{"a":{"a":1}}"#), None);
        // Not JSON at all is for the real parser to describe.
        assert_eq!(first_duplicate(b"{"), None);
    }
}
