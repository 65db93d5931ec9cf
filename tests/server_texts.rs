//! Every refusal text the devserver can answer on a `/mapapi/` endpoint is one the panel maps to a
//! message of its own (`errors::SERVER_TEXTS`): a new or changed text in the devserver (which
//! answers as the real server does) fails here until the mapping knows it.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::fs;
use std::path::Path;

use osmand_account::errors::refusal_of;

/// The string literal starting at `rest` (after optional spaces and `format!(`), with Rust's
/// line continuations joined; `{…}` placeholders become sample details.
fn literal_after(rest: &str) -> Option<String> {
    let rest = rest.trim_start();
    let rest = rest.strip_prefix("format!(").unwrap_or(rest).trim_start();
    let body = rest.strip_prefix('"')?;
    let mut out = String::new();
    let mut chars = body.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => break,
            '\\' => match chars.next() {
                Some('\n') => {
                    while chars.peek().is_some_and(|c| c.is_whitespace()) {
                        chars.next();
                    }
                }
                Some(other) => out.push(other),
                None => break,
            },
            '{' => {
                for c in chars.by_ref() {
                    if c == '}' {
                        break;
                    }
                }
                out.push_str("demo");
            }
            c => out.push(c),
        }
    }
    Some(out)
}

/// The texts a devserver source file answers with: `ApiError::bad(…)`, API-exception messages,
/// plain 404 texts, refusal tables (`=> "…"`) and text constants.
fn answered_texts(src: &str) -> Vec<String> {
    let mut found = Vec::new();
    for pat in ["bad(", "message: ", "NOT_FOUND,", "=> \"", ": &str = "] {
        let mut from = 0;
        while let Some(i) = src[from..].find(pat) {
            let start = from + i + pat.len();
            let start = if pat == "=> \"" { start - 1 } else { start };
            if let Some(text) = literal_after(&src[start..]) {
                found.push(text);
            }
            from = start;
        }
    }
    found
}

#[test]
fn every_text_the_devserver_answers_is_mapped() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("devserver/src");
    let mut checked = 0;
    let mut unmapped = Vec::new();
    for file in [
        "routes/auth.rs",
        "routes/account.rs",
        "routes/files.rs",
        "routes/login_link.rs",
        "files.rs",
    ] {
        let src = fs::read_to_string(root.join(file)).unwrap();
        for text in answered_texts(&src) {
            // Not refusals: Spring's JSON keys, mail actions, log lines.
            if text.is_empty() || !text.chars().next().is_some_and(char::is_alphabetic) {
                continue;
            }
            if text.contains(' ') || text.starts_with("error_") {
                checked += 1;
                if refusal_of(&text).is_none() {
                    unmapped.push(format!("{file}: {text:?}"));
                }
            }
        }
    }
    assert!(
        checked >= 30,
        "only {checked} texts found: the scan is broken"
    );
    assert!(
        unmapped.is_empty(),
        "texts without a message in errors::SERVER_TEXTS:\n{}",
        unmapped.join("\n")
    );
}

#[test]
fn the_scan_finds_multi_line_and_formatted_texts() {
    let src = r#"
        return Err(ApiError::bad(
            "An account is already registered with this email address.",
        ));
        return Err(ApiError::bad(format!("Free account: {x} left")));
        Self::NotFound => "File not found",
        const T: &str = "Token is \
                         valid";
    "#;
    assert_eq!(
        answered_texts(src),
        [
            "An account is already registered with this email address.",
            "Free account: demo left",
            "File not found",
            "Token is valid",
        ]
    );
}
