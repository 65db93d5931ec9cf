//! Language sweep: every user-visible text comes from a string table (en + nl, complete by
//! construction), never from a literal in a view. A literal child text or a literal accessible
//! name (`aria-label`, `title`, `placeholder`, `alt`) in a `view!` is reported with its place.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::fs;
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let p = entry.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

/// Words (two or more letters) inside a string literal mean prose; ids, classes, CSS values,
/// punctuation, and placeholders like "…" or "·" do not.
fn is_prose(lit: &str) -> bool {
    let letters = lit.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2 && lit.contains(|c: char| c.is_alphabetic() && c.is_uppercase() || c == ' ')
}

/// Literal texts in `view!` bodies: `>"Text"` children and `aria-label="Text"` style attributes.
fn offending_literals(src: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    let mut depth: i32 = 0;
    let mut in_view = false;
    for (n, line) in src.lines().enumerate() {
        if line.contains("view! {") {
            in_view = true;
        }
        if !in_view {
            continue;
        }
        let t = line.trim_start();
        let candidates: Vec<&str> = [
            "aria-label=\"",
            "title=\"",
            "placeholder=\"",
            "alt=\"",
            ">\"",
        ]
        .iter()
        .filter_map(|pat| t.find(pat).map(|i| &t[i + pat.len()..]))
        .chain(t.starts_with('"').then(|| &t[1..]))
        .collect();
        for rest in candidates {
            if let Some(end) = rest.find('"') {
                let lit = &rest[..end];
                if is_prose(lit) {
                    found.push((n + 1, lit.to_string()));
                }
            }
        }
        depth += line.matches('{').count() as i32 - line.matches('}').count() as i32;
        if depth <= 0 {
            in_view = false;
            depth = 0;
        }
    }
    found
}

#[test]
fn no_hard_coded_user_visible_text_in_views() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    let mut problems = Vec::new();
    for f in files {
        let rel = f.strip_prefix(&root).unwrap().to_string_lossy().to_string();
        // The gallery is a designers' tool in English only; string tables are the texts.
        if rel.starts_with("gallery")
            || rel.starts_with("i18n")
            || rel.ends_with("strings.rs")
            || rel.ends_with("gallery.rs")
        {
            continue;
        }
        let src = fs::read_to_string(&f).unwrap();
        for (line, lit) in offending_literals(&src) {
            problems.push(format!("src/{rel}:{line}: \"{lit}\""));
        }
    }
    assert!(
        problems.is_empty(),
        "hard-coded texts (move them to a string table):\n{}",
        problems.join("\n")
    );
}

#[test]
fn the_detector_finds_what_it_should() {
    let src = "view! {\n  <p>\"Hello there\"</p>\n  <button aria-label=\"Close\">\n  <p class=\"field__hint\">{x}</p>\n  \"Loading\"\n}\n";
    let found: Vec<String> = offending_literals(src)
        .into_iter()
        .map(|(_, l)| l)
        .collect();
    assert_eq!(found, vec!["Hello there", "Close", "Loading"]);
}

/// The texts of one language, read from its tables' Debug output (field names dropped).
fn texts_of(locale: osmand_account::i18n::Locale) -> Vec<String> {
    let dump = format!("{:?}", locale.strings());
    let mut out = Vec::new();
    let mut chars = dump.chars();
    while let Some(c) = chars.next() {
        if c == '"' {
            let mut t = String::new();
            while let Some(c) = chars.next() {
                match c {
                    '\\' => {
                        if let Some(n) = chars.next() {
                            t.push(n);
                        }
                    }
                    '"' => break,
                    c => t.push(c),
                }
            }
            out.push(t);
        }
    }
    out
}

#[test]
fn one_spelling_of_email_per_language() {
    use osmand_account::i18n::Locale;
    let en = texts_of(Locale::En);
    assert!(en.len() > 200, "the dump is not read: {}", en.len());
    let bad: Vec<&String> = en
        .iter()
        .filter(|t| t.to_lowercase().contains("e-mail"))
        .collect();
    assert!(bad.is_empty(), "English writes \"email\": {bad:#?}");
    // Dutch writes "e-mail" ("e-mailadres"); `{email}` placeholders don't count.
    let nl = texts_of(Locale::Nl);
    let bad: Vec<&String> = nl
        .iter()
        .filter(|t| {
            let t = t
                .to_lowercase()
                .replace("{email}", "")
                .replace("e-mail", "");
            t.contains("email")
        })
        .collect();
    assert!(bad.is_empty(), "Dutch writes \"e-mail\": {bad:#?}");
}

#[test]
fn dutch_says_u_not_je() {
    let nl = texts_of(osmand_account::i18n::Locale::Nl);
    let informal = ["je", "jij", "jou", "jouw", "jullie"];
    let bad: Vec<&String> = nl
        .iter()
        .filter(|t| {
            t.split(|c: char| !c.is_alphabetic())
                .any(|w| informal.contains(&w.to_lowercase().as_str()))
        })
        .collect();
    assert!(bad.is_empty(), "informal Dutch: {bad:#?}");
}
