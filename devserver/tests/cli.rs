//! The binary (startup line, seed, SIGTERM) and `--dist` static serving.
// Test crate: helpers outside #[test] fns may unwrap/index/panic too (clippy.toml covers only #[test] fns).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};
use std::time::Duration;

use common::*;

fn temp_dir(tag: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("devserver-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn http_get(port: u16, path: &str) -> String {
    let mut tcp = TcpStream::connect(("127.0.0.1", port)).unwrap();
    tcp.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    write!(
        tcp,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut out = String::new();
    tcp.read_to_string(&mut out).unwrap();
    out
}

#[test]
fn binary_prints_the_port_serves_and_stops_on_sigterm() {
    let dir = temp_dir("bin");
    let db = dir.join("nested/dir/dev.sqlite");
    let mut child = Command::new(env!("CARGO_BIN_EXE_devserver"))
        .args([
            "--port",
            "0",
            "--seed",
            "demo",
            "--dev",
            "--bcrypt-cost",
            "4",
            "--db",
        ])
        .arg(&db)
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap();
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let mut lines = Vec::new();
    for _ in 0..4 {
        let mut line = String::new();
        out.read_line(&mut line).unwrap();
        lines.push(line.trim_end().to_owned());
    }
    let port: u16 = lines[0]
        .strip_prefix("devserver listening on http://127.0.0.1:")
        .unwrap_or_else(|| panic!("{lines:?}"))
        .parse()
        .unwrap();
    assert_ne!(port, 0);
    assert_eq!(lines[1], "Demo login: demo@example.com / demo-password");
    assert_eq!(lines[2], "Free account: start@example.com / start-password");
    assert_eq!(
        lines[3],
        "Browser-suite account: osmand@grr.la / 0xDEADBEEF"
    );
    assert!(db.is_file(), "parent dirs created");

    let res = http_get(port, "/mapapi/auth/info");
    assert!(
        res.starts_with("HTTP/1.1 200 OK") && res.ends_with("null"),
        "{res}"
    );
    let res = http_get(port, "/dev/accounts/demo@example.com");
    assert!(res.contains("\"orderid\":\"FS-DEMO-1001\""), "{res}");

    let status = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let mut waited = 0;
    let exit = loop {
        if let Some(st) = child.try_wait().unwrap() {
            break st;
        }
        assert!(waited < 100, "devserver did not stop on SIGTERM");
        std::thread::sleep(Duration::from_millis(50));
        waited += 1;
    };
    assert!(exit.success(), "{exit:?}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn binary_rejects_bad_flags() {
    let out = Command::new(env!("CARGO_BIN_EXE_devserver"))
        .args(["--seed", "nope"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown seed"));
    let out = Command::new(env!("CARGO_BIN_EXE_devserver"))
        .arg("--help")
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("--cookie-name"));
}

#[tokio::test]
async fn dist_is_served_under_map_with_spa_fallback() {
    let dir = temp_dir("dist");
    std::fs::write(dir.join("index.html"), "<!doctype html><title>app</title>").unwrap();
    std::fs::write(dir.join("app-1234.js"), "console.log(1)").unwrap();
    std::fs::write(dir.join("app-1234_bg.wasm"), b"\0asm\x01\0\0\0").unwrap();
    let mut cfg = config(false);
    cfg.dist = Some(dir.clone());
    let mut s = Server::with_config(cfg);

    let r = s.get("/").await;
    assert_eq!(r.status, 303);
    assert_eq!(r.header("location"), Some("/map/"));
    assert_eq!(s.get("/map").await.header("location"), Some("/map/"));
    let r = s.get("/map/").await;
    assert_eq!(r.status, 200);
    assert!(r.content_type().starts_with("text/html"));
    assert_eq!(r.body, "<!doctype html><title>app</title>");
    let r = s.get("/map/app-1234.js").await;
    assert_eq!(r.status, 200);
    assert!(
        r.content_type().contains("javascript"),
        "{}",
        r.content_type()
    );
    assert_eq!(
        s.get("/map/app-1234_bg.wasm").await.content_type(),
        "application/wasm"
    );
    // Client-side routes get index.html.
    for path in [
        "/map/account/",
        "/map/account/purchases?x=1",
        "/map/no/such/file.js",
    ] {
        let r = s.get(path).await;
        assert_eq!(r.status, 200, "{path}");
        assert_eq!(r.body, "<!doctype html><title>app</title>", "{path}");
    }
    // The API is unaffected; other paths are 404.
    s.get("/mapapi/auth/info").await.assert(200, JSON, "null");
    s.get("/elsewhere").await.assert_text(404, "Not Found");
    let _ = std::fs::remove_dir_all(&dir);
}
