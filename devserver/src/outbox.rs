//! Every e-mail the server would send, stored instead of sent.

use rusqlite::{params, Connection};
use serde::Serialize;

/// One stored mail.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Mail {
    pub id: i64,
    pub to: String,
    pub subject: String,
    pub action: String,
    pub code: Option<String>,
    pub lang: Option<String>,
    pub body: String,
    pub sent_at: i64,
}

/// The languages the mails are written in. Like the real server (OsmAnd-tools
/// `EmailSenderTemplate.findTemplateFile`: `<template>/<lang>.html`, else `<template>/en.html`),
/// any other `lang` gets the English mail.
pub fn mail_lang(lang: Option<&str>) -> &'static str {
    match lang
        .and_then(|l| l.split(['-', '_']).next())
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("nl") => "nl",
        _ => "en",
    }
}

/// Subject and body for an action (`setup`, `password`, `change`, `delete`, `email-changed`) in
/// the mail's language ([`mail_lang`]).
fn compose(action: &str, code: Option<&str>, note: Option<&str>, lang: &str) -> (String, String) {
    if lang == "nl" {
        compose_nl(action, code.unwrap_or(""), note)
    } else {
        compose_en(action, code.unwrap_or(""), note)
    }
}

fn compose_en(action: &str, code: &str, note: Option<&str>) -> (String, String) {
    let valid = "The code is valid for 24 hours.";
    match action {
        "setup" => (
            "OsmAnd Cloud: your verification code".to_owned(),
            format!("Use the code {code} to finish creating your OsmAnd Cloud account. {valid}"),
        ),
        "password" => (
            "OsmAnd Cloud: set a new password".to_owned(),
            format!("Use the code {code} to set a new password for your OsmAnd account. {valid}"),
        ),
        "change" => (
            "OsmAnd Cloud: confirm the email change".to_owned(),
            format!(
                "Use the code {code} to change the email address of your OsmAnd account. {valid}"
            ),
        ),
        "delete" => (
            "OsmAnd Cloud: confirm deleting your account".to_owned(),
            format!("Use the code {code} to delete your OsmAnd account. {valid}"),
        ),
        "email-changed" => (
            "OsmAnd Cloud: your email address was changed".to_owned(),
            format!(
                "The email address of your OsmAnd account was changed to {}. \
                 If you did not do this, contact support@osmand.net.",
                note.unwrap_or("a new address")
            ),
        ),
        other => (
            format!("OsmAnd Cloud: {other}"),
            format!("Your OsmAnd code: {code}"),
        ),
    }
}

fn compose_nl(action: &str, code: &str, note: Option<&str>) -> (String, String) {
    let valid = "De code is 24 uur geldig.";
    match action {
        "setup" => (
            "OsmAnd Cloud: uw verificatiecode".to_owned(),
            format!("Gebruik de code {code} om uw OsmAnd Cloud-account aan te maken. {valid}"),
        ),
        "password" => (
            "OsmAnd Cloud: een nieuw wachtwoord instellen".to_owned(),
            format!("Gebruik de code {code} om een nieuw wachtwoord voor uw OsmAnd-account in te stellen. {valid}"),
        ),
        "change" => (
            "OsmAnd Cloud: bevestig de wijziging van uw e-mailadres".to_owned(),
            format!("Gebruik de code {code} om het e-mailadres van uw OsmAnd-account te wijzigen. {valid}"),
        ),
        "delete" => (
            "OsmAnd Cloud: bevestig het verwijderen van uw account".to_owned(),
            format!("Gebruik de code {code} om uw OsmAnd-account te verwijderen. {valid}"),
        ),
        "email-changed" => (
            "OsmAnd Cloud: uw e-mailadres is gewijzigd".to_owned(),
            format!(
                "Het e-mailadres van uw OsmAnd-account is gewijzigd in {}. \
                 Hebt u dit niet zelf gedaan? Neem dan contact op met support@osmand.net.",
                note.unwrap_or("een nieuw adres")
            ),
        ),
        other => (
            format!("OsmAnd Cloud: {other}"),
            format!("Uw OsmAnd-code: {code}"),
        ),
    }
}

/// A mail to store.
#[derive(Debug, Clone, Copy)]
pub struct Outgoing<'a> {
    pub to: &'a str,
    pub action: &'a str,
    pub code: Option<&'a str>,
    pub lang: Option<&'a str>,
    /// Extra text for the template (e.g. the masked new address of `email-changed`).
    pub note: Option<&'a str>,
}

/// Stores the mail and logs `[outbox] <to> <action> code <code>` to stdout.
pub fn send(conn: &Connection, mail: &Outgoing<'_>, now: i64) -> rusqlite::Result<()> {
    let (subject, body) = compose(mail.action, mail.code, mail.note, mail_lang(mail.lang));
    conn.execute(
        "INSERT INTO outbox (to_addr, subject, action, code, lang, body, sent_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            mail.to,
            subject,
            mail.action,
            mail.code,
            mail.lang,
            body,
            now
        ],
    )?;
    match mail.code {
        Some(code) => println!("[outbox] {} {} code {code}", mail.to, mail.action),
        None => println!("[outbox] {} {}", mail.to, mail.action),
    }
    Ok(())
}

/// Newest first; `to` filters case-insensitively.
pub fn list(conn: &Connection, to: Option<&str>) -> rusqlite::Result<Vec<Mail>> {
    let mut stmt = conn.prepare(
        "SELECT id, to_addr, subject, action, code, lang, body, sent_at FROM outbox
         WHERE ?1 IS NULL OR lower(to_addr) = lower(?1)
         ORDER BY sent_at DESC, id DESC",
    )?;
    let rows = stmt.query_map([to], |r| {
        Ok(Mail {
            id: r.get(0)?,
            to: r.get(1)?,
            subject: r.get(2)?,
            action: r.get(3)?,
            code: r.get(4)?,
            lang: r.get(5)?,
            body: r.get(6)?,
            sent_at: r.get(7)?,
        })
    })?;
    rows.collect()
}

pub fn clear(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute("DELETE FROM outbox", [])?;
    Ok(())
}

/// Escapes text for HTML element content and attribute values.
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// A small readable page for humans opening /dev/outbox in a browser.
pub fn render_html(mails: &[Mail]) -> String {
    let mut rows = String::new();
    for m in mails {
        let when = chrono::DateTime::from_timestamp_millis(m.sent_at)
            .map(|t| t.format("%Y-%m-%d %H:%M:%S UTC").to_string())
            .unwrap_or_default();
        rows.push_str(&format!(
            "<tr><td>{}</td><td>{}</td><td>{}</td><td class=code>{}</td><td>{}<br><small>{}</small></td></tr>\n",
            escape_html(&when),
            escape_html(&m.to),
            escape_html(&m.action),
            escape_html(m.code.as_deref().unwrap_or("")),
            escape_html(&m.subject),
            escape_html(&m.body),
        ));
    }
    if mails.is_empty() {
        rows.push_str("<tr><td colspan=5>No mail yet.</td></tr>\n");
    }
    format!(
        "<!doctype html>\n<html lang=en><head><meta charset=utf-8><title>devserver outbox</title>\
         <style>body{{font:14px system-ui,sans-serif;margin:2em}}table{{border-collapse:collapse}}\
         td,th{{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}}\
         .code{{font:bold 18px monospace}}</style></head><body>\
         <h1>Outbox ({} mail)</h1><table><tr><th>Sent</th><th>To</th><th>Action</th><th>Code</th><th>Subject</th></tr>\n\
         {rows}</table></body></html>\n",
        mails.len()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mails_are_written_in_the_requested_language_with_english_as_fallback() {
        assert_eq!(mail_lang(Some("nl")), "nl");
        assert_eq!(mail_lang(Some("nl-BE")), "nl");
        assert_eq!(mail_lang(Some("de")), "en");
        assert_eq!(mail_lang(None), "en");
        for action in ["setup", "password", "change", "delete"] {
            let (en_subject, en_body) = compose(action, Some("1234"), None, "en");
            let (nl_subject, nl_body) = compose(action, Some("1234"), None, "nl");
            assert_ne!(en_subject, nl_subject, "{action}");
            assert!(en_body.contains("1234") && nl_body.contains("1234"));
            assert!(nl_body.contains("24 uur"), "{nl_body}");
            assert!(en_body.contains("24 hours"), "{en_body}");
        }
        let (_, nl) = compose("email-changed", None, Some("n***@example.com"), "nl");
        assert!(nl.contains("n***@example.com") && nl.contains("gewijzigd"));
    }

    #[test]
    fn escapes() {
        assert_eq!(
            escape_html("<a href=\"x\">&'"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;"
        );
    }
}
