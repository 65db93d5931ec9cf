//! Changes/Trash endpoints and the backup archive.
// Test crate: helpers outside #[test] fns may unwrap/index/panic too (clippy.toml covers only #[test] fns).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use std::io::{Cursor, Read};

use axum::http::Method;
use common::*;
use serde_json::{json, Value};

async fn all_versions(s: &mut Server, name: &str) -> Vec<Value> {
    let enc: String = form_urlencoded::byte_serialize(name.as_bytes()).collect();
    let v = s
        .get(&format!("/mapapi/list-files?allVersions=true&name={enc}"))
        .await
        .json();
    v["allFiles"].as_array().unwrap().clone()
}

fn q(name: &str) -> String {
    form_urlencoded::byte_serialize(name.as_bytes()).collect()
}

#[tokio::test]
async fn download_file_plain_gzip_and_missing() {
    let mut s = Server::seeded();
    s.login_demo().await;
    let versions = all_versions(&mut s, "Morning run.gpx").await;
    let newest = versions[0]["updatetimems"].as_i64().unwrap();
    let oldest = versions[1]["updatetimems"].as_i64().unwrap();

    let r = s
        .get("/mapapi/download-file?name=Morning%20run.gpx&type=GPX")
        .await;
    assert_eq!(r.status, 200);
    assert_eq!(r.content_type(), "application/octet-stream");
    assert_eq!(
        r.header("content-disposition"),
        Some("attachment; filename=Morning+run.gpx")
    );
    assert!(r.header("content-encoding").is_none());
    assert!(r.body.starts_with("<?xml") && r.body.contains("<trkpt"));
    assert_eq!(
        r.body.len() as i64,
        versions[0]["filesize"].as_i64().unwrap()
    );

    // An older version by updatetime.
    let r = s
        .get(&format!(
            "/mapapi/download-file?name=Morning%20run.gpx&type=GPX&updatetime={oldest}"
        ))
        .await;
    assert_eq!(
        r.body.len() as i64,
        versions[1]["filesize"].as_i64().unwrap()
    );

    // gzip as stored when accepted.
    let r = s
        .request(
            Method::GET,
            &format!("/mapapi/download-file?name=Morning%20run.gpx&type=GPX&updatetime={newest}"),
            &[("accept-encoding", "gzip, deflate")],
            Vec::new(),
        )
        .await;
    assert_eq!(r.header("content-encoding"), Some("gzip"));
    assert_eq!(
        r.header("content-length").unwrap().parse::<i64>().unwrap(),
        versions[0]["zipSize"].as_i64().unwrap()
    );

    // Missing → master's empty 200 (no body, no type), or with the friendly switch a 404 with
    // a message; tombstone → 106; bad updatetime → Spring 400.
    let r = s.get("/mapapi/download-file?name=nope.gpx&type=GPX").await;
    assert_eq!((r.status.as_u16(), r.body.as_str()), (200, ""));
    assert_eq!(r.header("content-disposition"), None);
    s.state.switches.apply(friendly()).unwrap();
    let r = s.get("/mapapi/download-file?name=nope.gpx&type=GPX").await;
    assert_eq!(
        (r.status.as_u16(), r.body.as_str()),
        (404, "File version not found")
    );
    s.state.switches.reset();
    s.get("/mapapi/download-file?name=Canal%20walk.gpx&type=GPX")
        .await
        .assert(
            400,
            JSON,
            r#"{"error":{"errorCode":106,"message":"File is not available"}}"#,
        );
    s.get("/mapapi/download-file?name=a&type=GPX&updatetime=abc")
        .await
        .assert_spring(400, "/mapapi/download-file");
    s.get("/mapapi/download-file?type=GPX")
        .await
        .assert_spring(400, "/mapapi/download-file");
}

#[tokio::test]
async fn download_from_prev_version_gives_the_last_live_content() {
    let mut s = Server::seeded();
    s.login_demo().await;
    let versions = all_versions(&mut s, "Canal walk.gpx").await;
    let tomb = versions[0]["updatetimems"].as_i64().unwrap();
    assert_eq!(versions[0]["zipSize"], -1);
    let r = s
        .get(&format!("/mapapi/download-file-from-prev-version?name=Canal%20walk.gpx&type=GPX&updatetime={tomb}"))
        .await;
    assert_eq!(r.status, 200);
    assert!(r.body.contains("<name>Canal walk</name>"));
    let first = versions.last().unwrap()["updatetimems"].as_i64().unwrap();
    let uri = format!(
        "/mapapi/download-file-from-prev-version?name=Canal%20walk.gpx&type=GPX&updatetime={first}"
    );
    let r = s.get(&uri).await;
    assert_eq!((r.status.as_u16(), r.body.as_str()), (200, ""));
    s.state.switches.apply(friendly()).unwrap();
    let r = s.get(&uri).await;
    assert_eq!(
        (r.status.as_u16(), r.body.as_str()),
        (404, "Previous version of file not found")
    );
    s.get("/mapapi/download-file-from-prev-version?name=Canal%20walk.gpx&type=GPX")
        .await
        .assert_spring(400, "/mapapi/download-file-from-prev-version");
}

#[tokio::test]
async fn delete_version_and_delete_file() {
    let mut s = Server::seeded();
    s.login_demo().await;
    let versions = all_versions(&mut s, "favorites.gpx").await;
    let newest = versions[0]["updatetimems"].as_i64().unwrap();
    s.post_empty(&format!(
        "/mapapi/delete-file-version?name=favorites.gpx&type=FAVOURITES&updatetime={newest}"
    ))
    .await
    .assert(200, TEXT, r#"{"status":"ok"}"#);
    let after = all_versions(&mut s, "favorites.gpx").await;
    assert_eq!(after.len(), 3);
    assert_eq!(
        after[0], versions[1],
        "the previous version is current again"
    );
    s.post_empty(&format!(
        "/mapapi/delete-file-version?name=favorites.gpx&type=FAVOURITES&updatetime={newest}"
    ))
    .await
    .assert(
        400,
        JSON,
        r#"{"error":{"errorCode":106,"message":"File is not available"}}"#,
    );

    s.post_empty("/mapapi/delete-file?name=car.json&type=PROFILE")
        .await
        .assert(200, TEXT, r#"{"status":"ok"}"#);
    let car = all_versions(&mut s, "car.json").await;
    assert_eq!(car[0]["filesize"], -1);
    assert_eq!(car[0]["zipSize"], -1);
    let web_id = s.dump("demo@example.com").await["devices"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["deviceid"] == "web")
        .unwrap()["id"]
        .clone();
    assert_eq!(car[0]["deviceid"], web_id);
    // Even for a file that never existed.
    s.post_empty("/mapapi/delete-file?name=ghost.gpx&type=GPX")
        .await
        .assert(200, TEXT, r#"{"status":"ok"}"#);
    assert_eq!(all_versions(&mut s, "ghost.gpx").await.len(), 1);
}

#[tokio::test]
async fn restore_from_trash() {
    let mut s = Server::seeded();
    s.login_demo().await;
    let versions = all_versions(&mut s, "Canal walk.gpx").await;
    let tomb = versions[0]["updatetimems"].as_i64().unwrap();
    let live = versions[1]["updatetimems"].as_i64().unwrap();
    let uri =
        |t: i64| format!("/mapapi/restore-file?name=Canal%20walk.gpx&type=GPX&updatetime={t}");

    s.get(&uri(tomb + 1))
        .await
        .assert_text(400, "File not found");
    s.get(&uri(live))
        .await
        .assert_text(400, "File is not deleted");
    let r = s.get(&uri(tomb)).await;
    assert_eq!(r.status, 200, "{}", r.body);
    let restored = r.json();
    assert_eq!(restored["name"], "Canal walk.gpx");
    assert_eq!(restored["filesize"], versions[1]["filesize"]);
    assert_eq!(restored["clienttimems"], versions[1]["clienttimems"]);
    assert!(restored.get("details").is_none());
    assert!(restored["updatetimems"].as_i64().unwrap() > tomb);
    let unique = s.get("/mapapi/list-files").await.json();
    assert!(unique["uniqueFiles"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["name"] == "Canal walk.gpx"));
    s.get(&uri(tomb))
        .await
        .assert_text(400, "File has already been restored from this version");

    // A tombstone with nothing before it.
    s.post_empty("/mapapi/delete-file?name=ghost.gpx&type=GPX")
        .await;
    let t = all_versions(&mut s, "ghost.gpx").await[0]["updatetimems"]
        .as_i64()
        .unwrap();
    s.get(&format!(
        "/mapapi/restore-file?name=ghost.gpx&type=GPX&updatetime={t}"
    ))
    .await
    .assert_text(400, "Previous version of file not found");
}

#[tokio::test]
async fn restore_works_only_for_gpx_content_like_master() {
    let mut s = Server::seeded();
    s.login_demo().await;
    // A settings file and a map in the trash: master's GPX re-read fails for both.
    for (name, kind) in [
        ("bicycle.json", "PROFILE"),
        ("rendering/Topo-dark.render.xml", "FILE"),
    ] {
        let q: String = form_urlencoded::Serializer::new(String::new())
            .append_pair("name", name)
            .append_pair("type", kind)
            .finish();
        s.post_empty(&format!("/mapapi/delete-file?{q}"))
            .await
            .assert(200, TEXT, r#"{"status":"ok"}"#);
        let v = s
            .get(&format!("/mapapi/list-files?allVersions=true&{q}"))
            .await
            .json();
        let tomb = v["allFiles"][0]["updatetimems"].as_i64().unwrap();
        s.get(&format!("/mapapi/restore-file?{q}&updatetime={tomb}"))
            .await
            .assert_text(400, "Error restore file");
        let after = s
            .get(&format!("/mapapi/list-files?allVersions=true&{q}"))
            .await
            .json();
        assert_eq!(
            after["allFiles"][0]["zipSize"], -1,
            "{name} stays in the trash"
        );
    }
    // Favourites are GPX documents: they come back.
    let t = all_versions(&mut s, "favorites-Parking.gpx").await[0]["updatetimems"]
        .as_i64()
        .unwrap();
    let r = s
        .get(&format!(
            "/mapapi/restore-file?name=favorites-Parking.gpx&type=FAVOURITES&updatetime={t}"
        ))
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
}

#[tokio::test]
async fn free_accounts_cannot_restore_pro_types() {
    let mut s = Server::new();
    s.create_account("f@example.com", "long-enough", false, "demo")
        .await;
    s.login("f@example.com", "long-enough")
        .await
        .assert_ok_json();
    let t = all_versions(&mut s, "Canal walk.gpx").await[0]["updatetimems"]
        .as_i64()
        .unwrap();
    let r = s
        .get(&format!(
            "/mapapi/restore-file?name=Canal%20walk.gpx&type=GPX&updatetime={t}"
        ))
        .await;
    assert_eq!(r.status, 400);
    assert!(
        r.body
            .starts_with("Free account can upload files with types: [FAVOURITES, GLOBAL"),
        "{}",
        r.body
    );
    assert!(r.body.ends_with("]. This file type is GPX!"), "{}", r.body);
    let t = all_versions(&mut s, "favorites-Parking.gpx").await[0]["updatetimems"]
        .as_i64()
        .unwrap();
    let r = s
        .get(&format!(
            "/mapapi/restore-file?name={}&type=FAVOURITES&updatetime={t}",
            q("favorites-Parking.gpx")
        ))
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
}

#[tokio::test]
async fn delete_all_versions_rules() {
    let mut s = Server::seeded();
    s.login_demo().await;
    let old = all_versions(&mut s, "Old trip.gpx").await;
    let tomb = old[0]["updatetimems"].as_i64().unwrap();
    let uri = |name: &str, t: i64| {
        format!(
            "/mapapi/delete-file-all-versions?name={}&type=GPX&updatetime={t}&isTrash=true",
            q(name)
        )
    };
    s.get(&uri("nope.gpx", 1))
        .await
        .assert_text(400, "File not found");
    let live = all_versions(&mut s, "Morning run.gpx").await[0]["updatetimems"]
        .as_i64()
        .unwrap();
    s.get(&uri("Morning run.gpx", live))
        .await
        .assert_text(400, "This is not trash, the file is not deleted");
    s.get(&uri("Old trip.gpx", tomb - 1))
        .await
        .assert_text(400, "File version was changed");
    s.get(&uri("Old trip.gpx", tomb))
        .await
        .assert(200, TEXT, r#"{"status":"ok"}"#);
    assert!(all_versions(&mut s, "Old trip.gpx").await.is_empty());
    // Without isTrash a live file can go too.
    s.get(&format!(
        "/mapapi/delete-file-all-versions?name={}&type=GPX&updatetime={live}",
        q("Morning run.gpx")
    ))
    .await
    .assert(200, TEXT, r#"{"status":"ok"}"#);
    assert!(all_versions(&mut s, "Morning run.gpx").await.is_empty());
}

#[tokio::test]
async fn empty_trash_deletes_each_and_reports() {
    empty_trash_case(true).await;
}

#[tokio::test]
async fn empty_trash_answers_a_bare_ok_like_master() {
    empty_trash_case(false).await;
}

fn friendly() -> devserver::switches::SwitchesPatch {
    devserver::switches::SwitchesPatch {
        friendly_answers: Some(true),
        ..Default::default()
    }
}

/// The same request either way; only the answer's form differs with the switch.
async fn empty_trash_case(friendly_answers: bool) {
    let mut s = Server::seeded();
    if friendly_answers {
        s.state.switches.apply(friendly()).unwrap();
    }
    s.login_demo().await;
    let v = s.get("/mapapi/list-files?allVersions=true").await.json();
    let mut newest: Vec<Value> = Vec::new();
    for f in v["allFiles"].as_array().unwrap() {
        if !newest
            .iter()
            .any(|n| n["name"] == f["name"] && n["type"] == f["type"])
        {
            newest.push(f.clone());
        }
    }
    let mut trash: Vec<Value> = newest
        .iter()
        .filter(|f| f["zipSize"].as_i64().unwrap() < 0)
        .map(|f| json!({"name": f["name"], "type": f["type"], "updatetime": f["updatetimems"]}))
        .collect();
    let before = trash.len();
    assert!(before >= 3, "{trash:?}");
    let live = &newest[0];
    trash.push(
        json!({"name": live["name"], "type": live["type"], "updatetime": live["updatetimems"]}),
    );
    trash.push(trash[0].clone());
    let r = s
        .post_json("/mapapi/empty-trash", Value::Array(trash))
        .await;
    assert_eq!(r.status, 200);
    if friendly_answers {
        let out = r.json();
        assert_eq!(out["status"], "ok");
        assert_eq!(
            out["summary"],
            json!({"requested": before + 2, "deleted": before, "alreadyMissing": 1, "skipped": 1, "failed": 0})
        );
    } else {
        r.assert(200, TEXT, r#"{"status":"ok"}"#);
    }
    let v = s.get("/mapapi/list-files?allVersions=true").await.json();
    assert_eq!(
        v["allFiles"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["zipSize"] == -1)
            .count(),
        1,
        "restored track keeps its old tombstone"
    );
    s.post_json("/mapapi/empty-trash", json!({"not": "an array"}))
        .await
        .assert_spring(400, "/mapapi/empty-trash");
    s.post_empty("/mapapi/empty-trash")
        .await
        .assert_spring(415, "/mapapi/empty-trash");
}

/// Like a servlet, empty-trash finishes when the client stops waiting; on master the rows all
/// go at the end (one transaction), so a list read while it works still shows the whole trash.
#[tokio::test]
async fn empty_trash_finishes_after_the_client_gave_up_and_rows_go_at_the_end() {
    let mut s = Server::with_config(devserver::Config {
        delete_ms_per_file: 40,
        ..config(true)
    });
    s.state.seed_demo().unwrap();
    s.login_demo().await;
    let trash_now = |v: Value| -> Vec<Value> {
        let files = v["allFiles"].as_array().cloned().unwrap_or_default();
        let mut newest: Vec<Value> = Vec::new();
        for f in files {
            if !newest
                .iter()
                .any(|n| n["name"] == f["name"] && n["type"] == f["type"])
            {
                newest.push(f);
            }
        }
        newest
            .into_iter()
            .filter(|f| f["zipSize"].as_i64().unwrap() < 0)
            .map(|f| json!({"name": f["name"], "type": f["type"], "updatetime": f["updatetimems"]}))
            .collect()
    };
    let trash = trash_now(s.get("/mapapi/list-files?allVersions=true").await.json());
    assert!(trash.len() >= 3, "{trash:?}");
    // The client gives up long before the work is done (its request future is dropped).
    let mut client = s.clone();
    let gave_up = tokio::time::timeout(
        std::time::Duration::from_millis(20),
        client.post_json("/mapapi/empty-trash", Value::Array(trash.clone())),
    )
    .await;
    assert!(
        gave_up.is_err(),
        "answered before the deletion took its time"
    );
    let meanwhile = trash_now(s.get("/mapapi/list-files?allVersions=true").await.json());
    assert_eq!(meanwhile.len(), trash.len(), "rows went before the end");
    let mut left = meanwhile.len();
    for _ in 0..200 {
        left = trash_now(s.get("/mapapi/list-files?allVersions=true").await.json()).len();
        if left == 0 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(25)).await;
    }
    assert_eq!(left, 0, "the deletion stopped with the client");
}

fn unzip(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes.to_vec())).unwrap();
    (0..archive.len())
        .map(|i| {
            let mut f = archive.by_index(i).unwrap();
            let mut data = Vec::new();
            f.read_to_end(&mut data).unwrap();
            (f.name().unwrap().into_owned(), data)
        })
        .collect()
}

async fn backup(s: &mut Server, query: &str, types: Value) -> (Resp, Vec<u8>) {
    let res = s
        .router
        .clone()
        .oneshot_bytes(
            &format!("/mapapi/download-backup?{query}"),
            s.cookie.clone().unwrap(),
            types.to_string(),
        )
        .await;
    res
}

trait Oneshot {
    async fn oneshot_bytes(self, uri: &str, cookie: String, body: String) -> (Resp, Vec<u8>);
}

impl Oneshot for axum::Router {
    async fn oneshot_bytes(self, uri: &str, cookie: String, body: String) -> (Resp, Vec<u8>) {
        use tower::ServiceExt;
        let req = axum::http::Request::post(uri)
            .header("host", "localhost")
            .header("cookie", format!("JSESSIONID={cookie}"))
            .header("content-type", JSON)
            .body(axum::body::Body::from(body))
            .unwrap();
        let res = self.oneshot(req).await.unwrap();
        let status = res.status();
        let headers = res.headers().clone();
        let bytes = axum::body::to_bytes(res.into_body(), usize::MAX)
            .await
            .unwrap()
            .to_vec();
        (
            Resp {
                status,
                headers,
                body: String::new(),
            },
            bytes,
        )
    }
}

#[tokio::test]
async fn backup_zip_and_osf_layouts() {
    let mut s = Server::seeded();
    s.login_demo().await;
    let (r, bytes) = backup(
        &mut s,
        "format=.zip",
        json!(["GPX", "FAVOURITES", "FILE_RENDERING", "FILE_MAPS"]),
    )
    .await;
    assert_eq!(r.status, 200);
    assert_eq!(r.content_type(), "application/zip");
    let disposition = r.header("content-disposition").unwrap();
    assert!(
        disposition.starts_with("attachment; filename=Export_") && disposition.ends_with(".zip"),
        "{disposition}"
    );
    assert_eq!(
        disposition.len(),
        "attachment; filename=Export_dd-MM-yy.zip".len()
    );
    let entries = unzip(&bytes);
    let names: Vec<&str> = entries.iter().map(|(n, _)| n.as_str()).collect();
    assert!(names.contains(&"GPX/Morning run.gpx"), "{names:?}");
    assert!(names.contains(&"GPX/Bike/Commute to work.gpx"));
    assert!(names.contains(&"FAVOURITES/favorites.gpx"));
    assert!(names.contains(&"FILE/rendering/Topo-dark.render.xml"));
    assert!(names.contains(&"FILE/Luxembourg_europe.obf"));
    assert!(
        !names.iter().any(|n| n.ends_with(".info")),
        "no .info companions"
    );
    assert!(
        !names.iter().any(|n| n.contains("Canal walk")),
        "no deleted files"
    );
    assert!(
        !names.iter().any(|n| n.contains("routing/")),
        "FILE_ROUTING not selected"
    );
    assert!(!names.iter().any(|n| n.contains("car.json")));
    let (_, manifest) = entries.iter().find(|(n, _)| n == "items.json").unwrap();
    let manifest: Value = serde_json::from_slice(manifest).unwrap();
    assert_eq!(manifest["version"], 1);
    let items = manifest["items"].as_array().unwrap();
    assert_eq!(items.len(), entries.len() - 1);
    assert!(items
        .iter()
        .any(|i| i["file"] == "tracks/Morning run.gpx" && i["type"] == "GPX"));
    assert!(items
        .iter()
        .any(|i| i["file"] == "Luxembourg_europe.obf" && i["subtype"] == "OBF_MAP"));
    // Contents are the newest plain version.
    let (_, run) = entries
        .iter()
        .find(|(n, _)| n == "GPX/Morning run.gpx")
        .unwrap();
    let newest = s
        .get("/mapapi/download-file?name=Morning%20run.gpx&type=GPX")
        .await;
    assert_eq!(String::from_utf8_lossy(run), newest.body);

    let (r, bytes) = backup(
        &mut s,
        "format=.osf&updatetime=true",
        json!(["GPX", "PROFILE"]),
    )
    .await;
    assert!(r.header("content-disposition").unwrap().ends_with(".osf"));
    let names: Vec<String> = unzip(&bytes).into_iter().map(|(n, _)| n).collect();
    assert!(
        names.contains(&"tracks/Morning run.gpx".to_owned()),
        "{names:?}"
    );
    assert!(names.contains(&"car.json".to_owned()));
    // updatetime=true: deleted files come back in their last live version.
    assert!(names.contains(&"tracks/Canal walk.gpx".to_owned()));

    let (r, bytes) = backup(&mut s, "format=.zip", json!([])).await;
    assert_eq!(r.status, 200);
    let names: Vec<String> = unzip(&bytes).into_iter().map(|(n, _)| n).collect();
    assert_eq!(names, ["items.json"]);

    let (r, _) = backup(&mut s, "", json!(["GPX"])).await;
    assert_eq!(r.status, 400);
}

#[tokio::test]
async fn file_endpoints_need_a_session() {
    let mut s = Server::seeded();
    for (method, uri) in [
        (Method::GET, "/mapapi/download-file?name=a&type=GPX"),
        (
            Method::POST,
            "/mapapi/delete-file-version?name=a&type=GPX&updatetime=1",
        ),
        (
            Method::GET,
            "/mapapi/restore-file?name=a&type=GPX&updatetime=1",
        ),
        (Method::POST, "/mapapi/empty-trash"),
    ] {
        let r = s.request(method, uri, &[], Vec::new()).await;
        assert_eq!(r.status, 302, "{uri}");
    }
    s.login_demo().await;
    // Wrong method on a known path: Spring's 405.
    s.get("/mapapi/download-backup?format=.zip")
        .await
        .assert_spring(405, "/mapapi/download-backup");
}
