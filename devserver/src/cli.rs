//! Command-line flags, parsed by hand (the set is tiny).

use std::path::PathBuf;

pub const USAGE: &str = "\
devserver — local stand-in for OsmAnd's /mapapi/ server

USAGE: devserver [FLAGS]

  --port <u16>          port to listen on (default 8080; 0 = pick a free port)
  --host <addr>         address to bind (default 127.0.0.1)
  --db <path>           SQLite file (default .data/devserver.sqlite; parent dirs are created)
  --seed demo           reset the database to the demo data at start
  --dev                 enable the /dev/* test hooks
  --dist <dir>          serve the built app under /map/ (SPA fallback to <dir>/index.html)
  --gallery <dir>       serve the built designers' gallery under /gallery/
  --cookie-name <name>  session cookie name (default JSESSIONID)
  --bcrypt-cost <n>     bcrypt cost for new passwords (default 10; 4..=31)
  --code-digits <n>     digits of e-mailed codes (default 4 like master; newer servers 6..=12)
  --archive-ms-per-file <n>
                        time download-backup takes per file before answering, like the real
                        server that builds the whole archive first (default 50; 0 = at once)
  --delete-ms-per-file <n>
                        time delete-account takes per stored file version and empty-trash per
                        deleted version before answering, like the real server that deletes
                        each from storage first (default 20; 0 = at once)
  --friendly-answers    a missing version answers 404 with a message (master: empty 200), and
                        empty-trash reports per file (master: a bare status ok)
  -h, --help            print this text
";

/// What the command line asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Args {
    pub host: String,
    pub port: u16,
    pub db: PathBuf,
    pub seed_demo: bool,
    pub dev: bool,
    pub dist: Option<PathBuf>,
    pub gallery: Option<PathBuf>,
    pub cookie_name: String,
    pub bcrypt_cost: u32,
    pub switches: crate::switches::Switches,
    pub archive_ms_per_file: u64,
    pub delete_ms_per_file: u64,
}

impl Default for Args {
    fn default() -> Self {
        Self {
            host: "127.0.0.1".to_owned(),
            port: 8080,
            db: PathBuf::from(".data/devserver.sqlite"),
            seed_demo: false,
            dev: false,
            dist: None,
            gallery: None,
            cookie_name: "JSESSIONID".to_owned(),
            bcrypt_cost: 10,
            switches: crate::switches::Switches::default(),
            archive_ms_per_file: 50,
            delete_ms_per_file: 20,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    Run(Args),
    Help,
}

/// Parses the flags after the program name. Accepts `--flag value` and `--flag=value`.
pub fn parse<I: IntoIterator<Item = String>>(argv: I) -> Result<Command, String> {
    let mut args = Args::default();
    let mut it = argv.into_iter();
    while let Some(raw) = it.next() {
        let (flag, inline) = match raw.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f.to_owned(), Some(v.to_owned())),
            _ => (raw.clone(), None),
        };
        let mut value = |name: &str| -> Result<String, String> {
            match inline.clone() {
                Some(v) => Ok(v),
                None => it.next().ok_or_else(|| format!("{name} needs a value")),
            }
        };
        match flag.as_str() {
            "-h" | "--help" => return Ok(Command::Help),
            "--dev" => args.dev = true,
            "--friendly-answers" => args.switches.friendly_answers = true,
            "--archive-ms-per-file" => {
                args.archive_ms_per_file = ms_per_file("--archive-ms-per-file", &mut value)?;
            }
            "--delete-ms-per-file" => {
                args.delete_ms_per_file = ms_per_file("--delete-ms-per-file", &mut value)?;
            }
            "--code-digits" => {
                let v = value("--code-digits")?;
                let n: u8 = v
                    .parse()
                    .map_err(|_| format!("--code-digits: not a number: {v}"))?;
                args.switches.code_digits = n;
                args.switches
                    .check()
                    .map_err(|e| format!("--code-digits: {e}"))?;
            }
            "--port" => {
                let v = value("--port")?;
                args.port = v
                    .parse()
                    .map_err(|_| format!("--port: not a port number: {v}"))?;
            }
            "--host" => args.host = value("--host")?,
            "--db" => args.db = PathBuf::from(value("--db")?),
            "--seed" => {
                let v = value("--seed")?;
                if v != "demo" {
                    return Err(format!("--seed: unknown seed {v:?} (only \"demo\")"));
                }
                args.seed_demo = true;
            }
            "--dist" => args.dist = Some(PathBuf::from(value("--dist")?)),
            "--gallery" => args.gallery = Some(PathBuf::from(value("--gallery")?)),
            "--cookie-name" => {
                let v = value("--cookie-name")?;
                let ok = !v.is_empty()
                    && v.chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
                if !ok {
                    return Err(format!("--cookie-name: invalid cookie name {v:?}"));
                }
                args.cookie_name = v;
            }
            "--bcrypt-cost" => {
                let v = value("--bcrypt-cost")?;
                let cost: u32 = v
                    .parse()
                    .map_err(|_| format!("--bcrypt-cost: not a number: {v}"))?;
                if !(4..=31).contains(&cost) {
                    return Err(format!("--bcrypt-cost: must be 4..=31, got {cost}"));
                }
                args.bcrypt_cost = cost;
            }
            other => return Err(format!("unknown flag {other}")),
        }
    }
    Ok(Command::Run(args))
}

/// A `--…-ms-per-file` flag's value: milliseconds, at most 10 s per file.
fn ms_per_file(
    flag: &str,
    value: &mut impl FnMut(&str) -> Result<String, String>,
) -> Result<u64, String> {
    let v = value(flag)?;
    let ms: u64 = v
        .parse()
        .map_err(|_| format!("{flag}: not a number: {v}"))?;
    if ms > 10_000 {
        return Err(format!("{flag}: at most 10000, got {ms}"));
    }
    Ok(ms)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(v: &[&str]) -> Result<Command, String> {
        parse(v.iter().map(|s| (*s).to_owned()))
    }

    #[test]
    fn defaults() {
        assert_eq!(run(&[]), Ok(Command::Run(Args::default())));
    }

    #[test]
    fn all_flags() {
        let Ok(Command::Run(a)) = run(&[
            "--port=0",
            "--host",
            "127.0.0.2",
            "--db",
            "/tmp/x.sqlite",
            "--seed",
            "demo",
            "--dev",
            "--dist",
            "dist",
            "--cookie-name",
            "SESSION",
            "--bcrypt-cost",
            "4",
            "--code-digits=8",
            "--friendly-answers",
            "--archive-ms-per-file",
            "0",
            "--delete-ms-per-file=7",
        ]) else {
            panic!("parse failed")
        };
        assert_eq!(a.port, 0);
        assert_eq!(a.host, "127.0.0.2");
        assert!(a.seed_demo && a.dev);
        assert_eq!(a.dist, Some(PathBuf::from("dist")));
        assert_eq!(a.cookie_name, "SESSION");
        assert_eq!(a.bcrypt_cost, 4);
        assert_eq!(a.switches.code_digits, 8);
        assert!(a.switches.friendly_answers);
        assert_eq!(a.archive_ms_per_file, 0);
        assert_eq!(a.delete_ms_per_file, 7);
    }

    #[test]
    fn errors() {
        assert!(run(&["--port", "x"]).is_err());
        assert!(run(&["--port"]).is_err());
        assert!(run(&["--seed", "other"]).is_err());
        assert!(run(&["--bcrypt-cost", "3"]).is_err());
        assert!(run(&["--code-digits", "3"]).is_err());
        assert!(run(&["--code-digits", "13"]).is_err());
        assert!(run(&["--what"]).is_err());
        assert_eq!(run(&["-h"]), Ok(Command::Help));
    }
}
