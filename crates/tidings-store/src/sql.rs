//! A small builder for queries whose conditions depend on a filter.
//!
//! Only `'static` fragments written in this crate become SQL text; every value
//! is a bound `$N` parameter. That keeps optional filters index-friendly
//! (no `$1 IS NULL OR …`) without ever splicing input into SQL.

use sqlx::query::Query;
use sqlx::{AssertSqlSafe, Database, Encode, Type};

#[derive(Clone)]
pub(crate) enum Arg {
    Int(i64),
    Text(String),
    /// Typed, so PostgreSQL knows a NULL's type.
    OptInt(Option<i64>),
    OptText(Option<String>),
    /// A piece of a stored file (`media_chunks`).
    Bytes(Vec<u8>),
}

macro_rules! arg_from {
    ($($t:ty => $v:ident($conv:expr)),* $(,)?) => {$(
        impl From<$t> for Arg {
            fn from(v: $t) -> Self {
                Self::$v($conv(v))
            }
        }
    )*};
}
arg_from!(
    i64 => Int(std::convert::identity),
    &str => Text(str::to_owned),
    String => Text(std::convert::identity),
    &String => Text(String::clone),
    Option<i64> => OptInt(std::convert::identity),
    Option<&str> => OptText(|v: Option<&str>| v.map(str::to_owned)),
    Option<String> => OptText(std::convert::identity),
    Vec<u8> => Bytes(std::convert::identity),
);

/// A statement and its arguments: the one way the store writes a query.
/// Either written whole with its own `$N` placeholders and then
/// [`Sql::bind`]'s arguments in order, or built up with [`Sql::push`] and
/// [`Sql::arg`] when its conditions depend on a filter.
#[derive(Clone)]
pub(crate) struct Sql {
    text: String,
    args: Vec<Arg>,
}

impl Sql {
    pub(crate) fn new(fragment: &'static str) -> Self {
        Self {
            text: fragment.to_owned(),
            args: Vec::new(),
        }
    }

    pub(crate) fn push(&mut self, fragment: &'static str) -> &mut Self {
        self.text.push_str(fragment);
        self
    }

    /// Appends `fragment` followed by the next `$N` placeholder bound to `arg`.
    pub(crate) fn arg(&mut self, fragment: &'static str, arg: Arg) -> &mut Self {
        self.args.push(arg);
        self.text.push_str(fragment);
        self.text.push('$');
        self.text.push_str(&self.args.len().to_string());
        self
    }

    /// Binds the next `$N` of a statement written whole: the first call binds
    /// `$1`, the next `$2`, and so on.
    pub(crate) fn bind(mut self, v: impl Into<Arg>) -> Self {
        self.args.push(v.into());
        self
    }

    pub(crate) fn int(&mut self, fragment: &'static str, v: i64) -> &mut Self {
        self.arg(fragment, Arg::Int(v))
    }

    pub(crate) fn text(&mut self, fragment: &'static str, v: &str) -> &mut Self {
        self.arg(fragment, Arg::Text(v.to_owned()))
    }

    /// The text as SQLite's own API binds it: `$N` is a parameter *name*
    /// there, numbered by first appearance, so each becomes `?N`, which
    /// binds the N-th argument wherever it occurs. (Arguments are never
    /// spliced into the text, so every `$` followed by a digit is a
    /// placeholder.)
    pub(crate) fn sqlite_text(&self) -> String {
        // By bytes: `$` and digits are ASCII, never part of a longer character.
        let text = &self.text;
        let bytes = text.as_bytes();
        let mut out = String::with_capacity(text.len());
        let mut done = 0;
        for (i, b) in bytes.iter().enumerate() {
            if *b == b'$' && bytes.get(i + 1).is_some_and(u8::is_ascii_digit) {
                out.push_str(&text[done..i]);
                out.push('?');
                done = i + 1;
            }
        }
        out.push_str(&text[done..]);
        out
    }

    pub(crate) fn as_str(&self) -> &str {
        &self.text
    }

    pub(crate) fn args(&self) -> &[Arg] {
        &self.args
    }

    /// The statement for `DB`'s driver, its arguments bound in order.
    pub(crate) fn bound<'q, DB: Database>(&'q self) -> Query<'q, DB, DB::Arguments>
    where
        i64: Encode<'q, DB> + Type<DB>,
        &'q str: Encode<'q, DB> + Type<DB>,
        Option<i64>: Encode<'q, DB> + Type<DB>,
        Option<&'q str>: Encode<'q, DB> + Type<DB>,
        &'q [u8]: Encode<'q, DB> + Type<DB>,
    {
        let mut q = sqlx::query(AssertSqlSafe(self.text.as_str()));
        for a in &self.args {
            q = match a {
                Arg::Int(v) => q.bind(*v),
                Arg::Text(v) => q.bind(v.as_str()),
                Arg::OptInt(v) => q.bind(*v),
                Arg::OptText(v) => q.bind(v.as_deref()),
                Arg::Bytes(v) => q.bind(v.as_slice()),
            };
        }
        q
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sqlite_text_numbers_placeholders_by_argument() {
        let sql = Sql::new("UPDATE t SET a = $2, b = '$x' WHERE id = $1 AND c = $2")
            .bind(1_i64)
            .bind(2_i64);
        assert_eq!(
            sql.sqlite_text(),
            "UPDATE t SET a = ?2, b = '$x' WHERE id = ?1 AND c = ?2"
        );
    }
}
