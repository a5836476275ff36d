//! The widgets of a Blogger template: each `<b:widget>` in document order
//! (so in its section's order, sections top to bottom), with its type, title
//! and `<b:widget-settings>`. What a widget draws (`<b:includable>`) is
//! Blogger's template language, which Tidings does not run: it is skipped.
//!
//! The template is the text of the export's template entry, itself XML. It
//! is read here on its own, without the export reader's DTD refusal: Blogger
//! templates start with `<!DOCTYPE html>`, and nothing in them is expanded
//! (an entity other than XML's own and character references is dropped).

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

/// One `<b:widget>`: its attributes and settings, as the template wrote them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Widget {
    /// `LinkList1`, `HTML3`…: how notes name it.
    pub id: String,
    /// `LinkList`, `HTML`, `PopularPosts`…
    pub kind: String,
    pub title: String,
    /// `visible='false'`: Blogger did not show it.
    pub hidden: bool,
    /// `<b:widget-setting name='…'>` values, in template order.
    pub settings: Vec<(String, String)>,
}

impl Widget {
    /// The setting `name`, trimmed; `None` when absent or empty.
    pub fn setting(&self, name: &str) -> Option<&str> {
        self.settings
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.trim())
            .filter(|v| !v.is_empty())
    }

    /// How notes name it: its id and, when it has one, its title.
    pub fn named(&self) -> String {
        if self.title.trim().is_empty() {
            format!("widget {} ({})", self.id, self.kind)
        } else {
            format!(
                "widget {} ({}, {:?})",
                self.id,
                self.kind,
                self.title.trim()
            )
        }
    }
}

/// Where the reader is inside a widget.
#[derive(Default)]
struct Open {
    widget: Widget,
    /// The setting being read: its name and text so far.
    setting: Option<(String, String)>,
}

/// The widgets of `template`, in document order; or why it could not be
/// read, with its line.
pub fn read(template: &str) -> Result<Vec<Widget>, String> {
    let mut reader = Reader::from_str(template);
    reader.config_mut().check_end_names = true;
    let mut widgets = Vec::new();
    let mut open: Option<Open> = None;
    loop {
        let event = reader.read_event().map_err(|e| {
            let at = usize::try_from(reader.error_position()).unwrap_or(usize::MAX);
            format!("line {}: {e}", line_of(template, at))
        })?;
        match event {
            Event::Start(e) if e.name().as_ref() == b"b:widget" => {
                open = Some(Open {
                    widget: widget(&e),
                    setting: None,
                });
            }
            Event::Empty(e) if e.name().as_ref() == b"b:widget" => widgets.push(widget(&e)),
            Event::Start(e) if e.name().as_ref() == b"b:widget-setting" => {
                if let Some(o) = open.as_mut() {
                    o.setting = Some((attr(&e, b"name"), String::new()));
                }
            }
            Event::Empty(e) if e.name().as_ref() == b"b:widget-setting" => {
                if let Some(o) = open.as_mut() {
                    o.widget.settings.push((attr(&e, b"name"), String::new()));
                }
            }
            Event::End(e) if e.name().as_ref() == b"b:widget-setting" => {
                if let Some(o) = open.as_mut()
                    && let Some(setting) = o.setting.take()
                {
                    o.widget.settings.push(setting);
                }
            }
            Event::End(e) if e.name().as_ref() == b"b:widget" => {
                if let Some(o) = open.take() {
                    widgets.push(o.widget);
                }
            }
            Event::Text(t) => push(&mut open, &String::from_utf8_lossy(&t)),
            Event::CData(t) => push(&mut open, &String::from_utf8_lossy(&t)),
            Event::GeneralRef(r) => {
                let resolved = match r.resolve_char_ref() {
                    Ok(Some(c)) => Some(c),
                    _ => crate::xml::predefined(&r),
                };
                if let Some(c) = resolved {
                    push(&mut open, c.encode_utf8(&mut [0; 4]));
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(widgets)
}

fn widget(e: &BytesStart<'_>) -> Widget {
    Widget {
        id: attr(e, b"id"),
        kind: attr(e, b"type"),
        title: attr(e, b"title"),
        hidden: attr(e, b"visible").eq_ignore_ascii_case("false"),
        settings: Vec::new(),
    }
}

/// An attribute's value, unescaped (as written when it will not unescape).
fn attr(e: &BytesStart<'_>, name: &[u8]) -> String {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == name)
        .map(|a| {
            let raw = String::from_utf8_lossy(&a.value).into_owned();
            quick_xml::escape::unescape(&raw)
                .map(|v| v.into_owned())
                .unwrap_or(raw)
        })
        .unwrap_or_default()
}

/// Text inside the setting being read, if any.
fn push(open: &mut Option<Open>, text: &str) {
    if let Some(Open {
        setting: Some((_, value)),
        ..
    }) = open
    {
        value.push_str(text);
    }
}

fn line_of(text: &str, at: usize) -> usize {
    1 + text.as_bytes()[..at.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widgets_in_order_with_their_settings() {
        let template = r#"<?xml version="1.0" encoding="UTF-8" ?>
<!DOCTYPE html>
<html xmlns:b='http://www.google.com/2005/gml/b'><body>
<b:section id='header'><b:widget id='Header1' title='My Blog (Header)' type='Header'/></b:section>
<b:section id='sidebar'>
  <b:widget id='HTML1' title='Say &quot;hi&quot;' type='HTML'>
    <b:widget-settings>
      <b:widget-setting name='content'>&lt;b&gt;Hello&lt;/b&gt; &#233;t&#xE9;</b:widget-setting>
      <b:widget-setting name='empty'/>
    </b:widget-settings>
    <b:includable id='main'><h2><data:title/></h2></b:includable>
  </b:widget>
  <b:widget id='Navbar1' type='Navbar' visible='false'><b:includable id='main'/></b:widget>
</b:section></body></html>"#;
        let w = read(template).unwrap();
        let kinds: Vec<&str> = w.iter().map(|w| w.kind.as_str()).collect();
        assert_eq!(kinds, ["Header", "HTML", "Navbar"]);
        assert_eq!(w[0].title, "My Blog (Header)");
        assert_eq!(w[1].title, "Say \"hi\"");
        assert_eq!(w[1].setting("content"), Some("<b>Hello</b> été"));
        assert_eq!(w[1].settings.len(), 2);
        assert!(w[2].hidden);
    }

    #[test]
    fn a_broken_template_says_where() {
        let e = read("<html>\n<b:widget id='a'>\n<b:widget-settings></html>").unwrap_err();
        assert!(e.starts_with("line "), "{e}");
    }
}
