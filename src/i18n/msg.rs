//! A sentence not yet made. The engine says what it has to say as a `Msg`:
//! a catalogue id and typed arguments, with no language attached. Only the
//! edge (renderers and the shell) turns one into text, in the reader's
//! language, from the one catalogue (`en.ftl`, `ja.ftl`).

use std::borrow::Cow;

use serde::ser::{Serialize, SerializeMap, Serializer};

use super::{Lang, catalogue};

/// A message id with its arguments, or text that came from outside as it is
/// (a server's own words, a file name, a value): never a sentence of ours.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Msg(Inner);

#[derive(Clone, Debug, PartialEq, Eq)]
enum Inner {
    Id {
        id: Cow<'static, str>,
        args: Vec<(Cow<'static, str>, Arg)>,
    },
    Verbatim(String),
}

/// One argument of a message. A nested `Msg` is made in the same language
/// as the message that holds it.
#[derive(Clone, Debug)]
pub enum Arg {
    Str(String),
    Int(i64),
    Float(f64),
    Msg(Msg),
}

impl Msg {
    /// The message `id` of the catalogue, with no arguments yet.
    pub fn new(id: &'static str) -> Msg {
        Msg(Inner::Id {
            id: Cow::Borrowed(id),
            args: Vec::new(),
        })
    }

    /// A message whose id is made at run time from a family prefix and a key
    /// (`severity-` + `high`): the catalogue test lists such families.
    pub fn keyed(prefix: &'static str, key: &str) -> Msg {
        Msg(Inner::Id {
            id: Cow::Owned(format!("{prefix}{key}")),
            args: Vec::new(),
        })
    }

    /// Text from outside, shown as it is in every language.
    pub fn verbatim(text: impl Into<String>) -> Msg {
        Msg(Inner::Verbatim(text.into()))
    }

    pub fn arg(mut self, name: &'static str, value: impl Into<Arg>) -> Msg {
        if let Inner::Id { args, .. } = &mut self.0 {
            args.push((Cow::Borrowed(name), value.into()));
        }
        self
    }

    /// The catalogue id, or `None` for verbatim text.
    pub fn id(&self) -> Option<&str> {
        match &self.0 {
            Inner::Id { id, .. } => Some(id),
            Inner::Verbatim(_) => None,
        }
    }

    /// The value of argument `name`, if the message has one.
    pub fn get(&self, name: &str) -> Option<&Arg> {
        match &self.0 {
            Inner::Id { args, .. } => args.iter().find(|(k, _)| k == name).map(|(_, v)| v),
            Inner::Verbatim(_) => None,
        }
    }

    /// A message kept as data (`{"id": …, "args": {…}}`, as `Serialize`
    /// writes it): a fact's value that a renderer says in the reader's
    /// language. `None` for anything else, which stays a value.
    pub fn from_json(v: &serde_json::Value) -> Option<Msg> {
        let m = v.as_object()?;
        if m.len() != 2 {
            return None;
        }
        let id = m.get("id")?.as_str()?;
        let args = m.get("args")?.as_object()?;
        let mut out = Vec::with_capacity(args.len());
        for (k, v) in args {
            let arg = match v {
                serde_json::Value::String(s) => Arg::Str(s.clone()),
                serde_json::Value::Number(n) => match n.as_i64() {
                    Some(i) => Arg::Int(i),
                    None => Arg::Float(n.as_f64()?),
                },
                serde_json::Value::Object(_) => Arg::Msg(Msg::from_json(v)?),
                _ => return None,
            };
            out.push((Cow::Owned(k.clone()), arg));
        }
        Some(Msg(Inner::Id {
            id: Cow::Owned(id.to_string()),
            args: out,
        }))
    }

    /// The English sentence, for `Display` of errors and for logs: a reader
    /// is always shown `render` in their own language.
    pub fn english(&self) -> String {
        self.render(Lang::En)
    }

    /// The sentence in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        match &self.0 {
            Inner::Verbatim(s) => s.clone(),
            Inner::Id { id, args } => catalogue::format(lang, id, args),
        }
    }
}

/// Equal when they would say the same: floats by their bits, so that a
/// message is `Eq` and errors holding one can be compared in tests.
impl PartialEq for Arg {
    fn eq(&self, other: &Arg) -> bool {
        match (self, other) {
            (Arg::Str(a), Arg::Str(b)) => a == b,
            (Arg::Int(a), Arg::Int(b)) => a == b,
            (Arg::Float(a), Arg::Float(b)) => a.to_bits() == b.to_bits(),
            (Arg::Msg(a), Arg::Msg(b)) => a == b,
            _ => false,
        }
    }
}
impl Eq for Arg {}

impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Str(s.to_string())
    }
}
impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Str(s)
    }
}
impl From<&String> for Arg {
    fn from(s: &String) -> Arg {
        Arg::Str(s.clone())
    }
}
impl From<Cow<'_, str>> for Arg {
    fn from(s: Cow<'_, str>) -> Arg {
        Arg::Str(s.into_owned())
    }
}
impl From<Msg> for Arg {
    fn from(m: Msg) -> Arg {
        Arg::Msg(m)
    }
}
impl From<&Msg> for Arg {
    fn from(m: &Msg) -> Arg {
        Arg::Msg(m.clone())
    }
}
impl From<f64> for Arg {
    fn from(n: f64) -> Arg {
        Arg::Float(n)
    }
}
macro_rules! int_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Arg {
                Arg::Int(i64::try_from(n).unwrap_or(i64::MAX))
            }
        }
    )*};
}
int_arg!(i8, i16, i32, i64, u8, u16, u32, u64, usize, isize);

/// Language-free on the wire too: `{"id": "…", "args": {…}}`, or the
/// verbatim text as a string.
impl Serialize for Msg {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match &self.0 {
            Inner::Verbatim(t) => s.serialize_str(t),
            Inner::Id { id, args } => {
                let mut m = s.serialize_map(Some(2))?;
                m.serialize_entry("id", id)?;
                let args: serde_json::Map<String, serde_json::Value> = args
                    .iter()
                    .map(|(k, v)| (k.to_string(), v.to_json()))
                    .collect();
                m.serialize_entry("args", &args)?;
                m.end()
            }
        }
    }
}

impl Arg {
    fn to_json(&self) -> serde_json::Value {
        match self {
            Arg::Str(s) => s.clone().into(),
            Arg::Int(n) => (*n).into(),
            Arg::Float(n) => serde_json::Number::from_f64(*n)
                .map(serde_json::Value::Number)
                .unwrap_or(serde_json::Value::Null),
            Arg::Msg(m) => serde_json::to_value(m).unwrap_or(serde_json::Value::Null),
        }
    }
}

/// `msg!("id", name = value, …)`: a `Msg` for catalogue id `id`.
#[macro_export]
macro_rules! msg {
    ($id:literal $(, $k:ident = $v:expr)* $(,)?) => {
        $crate::i18n::Msg::new($id)$(.arg(stringify!($k), $v))*
    };
}

/// `t!(lang, "id", name = value, …)`: the sentence, made now, for the edge.
#[macro_export]
macro_rules! t {
    ($lang:expr, $id:literal $(, $k:ident = $v:expr)* $(,)?) => {
        $crate::msg!($id $(, $k = $v)*).render($lang)
    };
}
