//! A small builder for queries whose conditions depend on a filter.
//!
//! Only `'static` fragments written in this crate become SQL text; every value
//! is a bound `$N` parameter. That keeps optional filters index-friendly
//! (no `$1 IS NULL OR …`) without ever splicing input into SQL.

use sqlx::any::AnyArguments;
use sqlx::query::Query;
use sqlx::{Any, AssertSqlSafe};

pub(crate) enum Arg {
    Int(i64),
    Text(String),
}

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

    pub(crate) fn int(&mut self, fragment: &'static str, v: i64) -> &mut Self {
        self.arg(fragment, Arg::Int(v))
    }

    pub(crate) fn text(&mut self, fragment: &'static str, v: &str) -> &mut Self {
        self.arg(fragment, Arg::Text(v.to_owned()))
    }

    pub(crate) fn build(&self) -> Query<'static, Any, AnyArguments> {
        let mut q = sqlx::query(AssertSqlSafe(self.text.clone()));
        for a in &self.args {
            q = match a {
                Arg::Int(v) => q.bind(*v),
                Arg::Text(v) => q.bind(v.clone()),
            };
        }
        q
    }
}
