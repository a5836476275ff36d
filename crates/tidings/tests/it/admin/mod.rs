//! The author's side over HTTP: setup, sign-in, sessions, CSRF, roles and the
//! admin's pages, as a browser without JavaScript would use them.

mod login_csrf;
pub mod media;
mod pages;
mod people;
mod queue;
mod reads;
mod same_title;
mod setup;
mod signin;
mod throttle;
mod tokens;

use reqwest::StatusCode;

use crate::support::{TestApp, hidden};

pub const PASSWORD: &str = "a long enough password";

/// What a browser keeps between requests: the session cookie, the
/// pre-session cookie of the sign-in form, and the address it seems to come
/// from (via a trusted proxy's X-Forwarded-For).
pub struct Browser<'a> {
    app: &'a TestApp,
    cookie: Option<String>,
    pre_session: Option<String>,
    ip: Option<String>,
    /// The `Host` it asks for; `None`: the server's address.
    host: Option<String>,
}

/// An answer: status, body, and where a redirect points.
pub struct Page {
    pub status: StatusCode,
    pub body: String,
    pub location: Option<String>,
}

/// The value a response's `Set-Cookie` gives the cookie `name`: `Some("")`
/// when it is cleared, `None` when the response does not set it.
pub fn set_cookie(r: &reqwest::Response, name: &str) -> Option<String> {
    r.headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap())
        .find_map(|v| {
            let rest = v.strip_prefix(name)?.strip_prefix('=')?;
            let value = rest.split(';').next().unwrap();
            Some(if v.contains("Max-Age=0") {
                String::new()
            } else {
                value.to_owned()
            })
        })
}

impl<'a> Browser<'a> {
    pub fn new(app: &'a TestApp) -> Self {
        Self {
            app,
            cookie: None,
            pre_session: None,
            ip: None,
            host: None,
        }
    }

    /// A browser asking for the blog at `host` (on the server's port).
    pub fn on_host(app: &'a TestApp, host: &str) -> Self {
        Self {
            host: Some(host.to_owned()),
            ..Self::new(app)
        }
    }

    /// A browser at another address (the app must trust 127.0.0.1 as a proxy).
    pub fn at(app: &'a TestApp, ip: &str) -> Self {
        Self {
            ip: Some(ip.to_owned()),
            ..Self::new(app)
        }
    }

    /// Seems to come from `ip` from now on.
    pub fn set_ip(&mut self, ip: &str) {
        self.ip = Some(ip.to_owned());
    }

    pub fn cookie(&self) -> Option<&str> {
        self.cookie.as_deref()
    }

    pub fn set_cookie(&mut self, cookie: Option<String>) {
        self.cookie = cookie;
    }

    pub fn pre_session(&self) -> Option<&str> {
        self.pre_session.as_deref()
    }

    async fn send(&mut self, req: reqwest::RequestBuilder) -> Page {
        let mut req = req;
        let cookies: Vec<String> = [
            ("tidings_session", &self.cookie),
            ("tidings_signin", &self.pre_session),
        ]
        .into_iter()
        .filter_map(|(name, v)| v.as_ref().map(|v| format!("{name}={v}")))
        .collect();
        if !cookies.is_empty() {
            req = req.header("cookie", cookies.join("; "));
        }
        if let Some(ip) = &self.ip {
            req = req.header("x-forwarded-for", ip);
        }
        if let Some(host) = &self.host {
            req = req.header("host", host);
        }
        let r = req.send().await.unwrap();
        if let Some(v) = set_cookie(&r, "tidings_session") {
            self.cookie = Some(v).filter(|v| !v.is_empty());
        }
        if let Some(v) = set_cookie(&r, "tidings_signin") {
            self.pre_session = Some(v).filter(|v| !v.is_empty());
        }
        Page {
            status: r.status(),
            location: r
                .headers()
                .get("location")
                .map(|l| l.to_str().unwrap().to_owned()),
            body: r.text().await.unwrap(),
        }
    }

    pub async fn get(&mut self, path: &str) -> Page {
        let req = self.app.client.get(self.app.url(path));
        self.send(req).await
    }

    pub async fn post(&mut self, path: &str, form: &[(&str, &str)]) -> Page {
        self.post_with(path, form, &[]).await
    }

    /// POSTs a form with extra request headers.
    pub async fn post_with(
        &mut self,
        path: &str,
        form: &[(&str, &str)],
        headers: &[(&str, &str)],
    ) -> Page {
        let mut req = self.app.client.post(self.app.url(path)).form(form);
        for (name, value) in headers {
            req = req.header(*name, *value);
        }
        self.send(req).await
    }

    /// Loads `page` and answers its CSRF token.
    pub async fn csrf(&mut self, page: &str) -> String {
        let p = self.get(page).await;
        assert_eq!(p.status, StatusCode::OK, "GET {page}: {}", p.body);
        hidden(&p.body, "csrf")
    }

    /// Fills in the sign-in form; answers the response to it.
    pub async fn sign_in(&mut self, email: &str, password: &str) -> Page {
        let form = self.get("/admin/login").await;
        let token = hidden(&form.body, "token");
        self.post(
            "/admin/login",
            &[
                ("token", &token),
                ("email", email),
                ("password", password),
                ("next", "/admin"),
            ],
        )
        .await
    }
}

/// One sign-in attempt through `base`, as a browser that just loaded the form
/// (from `ip` via the trusted proxy, or the peer address when `None`).
pub async fn attempt(
    client: &reqwest::Client,
    base: &str,
    ip: Option<&str>,
    email: &str,
    password: &str,
) -> reqwest::Response {
    let form = client
        .get(format!("{base}/admin/login"))
        .send()
        .await
        .unwrap();
    let pre_session = set_cookie(&form, "tidings_signin");
    let token = hidden(&form.text().await.unwrap(), "token");
    let mut req = client.post(format!("{base}/admin/login"));
    if let Some(c) = pre_session {
        req = req.header("cookie", format!("tidings_signin={c}"));
    }
    if let Some(ip) = ip {
        req = req.header("x-forwarded-for", ip);
    }
    req.form(&[
        ("token", token.as_str()),
        ("email", email),
        ("password", password),
    ])
    .send()
    .await
    .unwrap()
}

/// The first-run setup path the server printed.
pub fn setup_path(app: &TestApp) -> String {
    let line = app
        .startup
        .iter()
        .find(|l| l.contains("/admin/setup?token="))
        .expect("a fresh install prints its setup link");
    let start = line.find("/admin/setup?token=").unwrap();
    line[start..].split_whitespace().next().unwrap().to_owned()
}

/// Creates the first admin through the setup link; answers their browser.
pub async fn set_up(app: &TestApp) -> Browser<'_> {
    let path = setup_path(app);
    let token = path.rsplit('=').next().unwrap().to_owned();
    let mut b = Browser::new(app);
    assert_eq!(b.get(&path).await.status, StatusCode::OK);
    let done = b
        .post(
            "/admin/setup",
            &[
                ("token", &token),
                ("name", "Owner"),
                ("email", "admin@example.com"),
                ("password", PASSWORD),
                ("password_again", PASSWORD),
            ],
        )
        .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    assert!(b.cookie().is_some(), "setup signs the new admin in");
    b
}
