//! Demo seed contents, get-account-info and list-files.
// Test crate: helpers outside #[test] fns may unwrap/index/panic too (clippy.toml covers only #[test] fns).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use std::collections::{HashMap, HashSet};
use std::io::Read;

use common::*;
use serde_json::Value;

fn parse_list(v: &Value) -> Vec<Value> {
    serde_json::from_str::<Vec<Value>>(v.as_str().unwrap()).unwrap()
}

#[tokio::test]
async fn demo_seed_has_devices_history_tombstones_and_purchases() {
    let mut s = Server::seeded();
    let dump = s.dump("demo@example.com").await;
    assert_eq!(dump["orderid"], "FS-DEMO-1001");
    let brands: HashSet<&str> = dump["devices"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["brand"].as_str().unwrap())
        .collect();
    assert_eq!(
        brands,
        HashSet::from(["OsmAnd", "samsung", "Apple", "Google"])
    );
    let apple = dump["devices"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["brand"] == "Apple")
        .unwrap();
    assert_eq!(apple["model"], "iPhone15,2");

    let files = dump["files"].as_array().unwrap();
    let types: HashSet<&str> = files.iter().map(|f| f["type"].as_str().unwrap()).collect();
    for t in [
        "GPX",
        "FAVOURITES",
        "PROFILE",
        "GLOBAL",
        "FILE",
        "QUICK_ACTIONS",
        "MAP_SOURCES",
    ] {
        assert!(types.contains(t), "{t}");
    }
    let names: HashSet<&str> = files.iter().map(|f| f["name"].as_str().unwrap()).collect();
    for n in [
        "favorites.gpx",
        "rendering/Topo-dark.render.xml",
        "Luxembourg_europe.obf",
        "Alps/Hike to Lake Oeschinen.gpx.info",
    ] {
        assert!(names.contains(n), "{n}");
    }
    // Tombstones: filesize = zipfilesize = -1.
    let tombstones: Vec<&Value> = files.iter().filter(|f| f["filesize"] == -1).collect();
    assert!(tombstones.len() >= 4);
    assert!(tombstones.iter().all(|f| f["zipfilesize"] == -1));
    // History spans more than a year.
    let times: Vec<i64> = files
        .iter()
        .map(|f| f["updatetime"].as_i64().unwrap())
        .collect();
    let span = times.iter().max().unwrap() - times.iter().min().unwrap();
    assert!(span > 365 * DAY && span < 15 * 31 * DAY, "{span}");
    // Several versions of some files.
    let mut per_name: HashMap<&str, usize> = HashMap::new();
    for f in files {
        *per_name.entry(f["name"].as_str().unwrap()).or_default() += 1;
    }
    assert_eq!(per_name["favorites.gpx"], 4);
    // The trash holds only files deleted within the last 31 days: older ones the real server
    // removes for good (`delete-old-trash`), so the demo data must not show them.
    let now = times.iter().max().unwrap() + DAY;
    let mut newest: HashMap<(&str, &str), &Value> = HashMap::new();
    for f in files {
        let key = (f["type"].as_str().unwrap(), f["name"].as_str().unwrap());
        let t = f["updatetime"].as_i64().unwrap();
        if newest
            .get(&key)
            .is_none_or(|n| n["updatetime"].as_i64().unwrap() < t)
        {
            newest.insert(key, f);
        }
    }
    let trash: Vec<&&Value> = newest.values().filter(|f| f["filesize"] == -1).collect();
    assert!(trash.len() >= 3);
    for f in trash {
        let age = now - f["updatetime"].as_i64().unwrap();
        assert!(
            age < devserver::seed::TRASH_KEPT_MS,
            "{} deleted {} days ago",
            f["name"],
            age / DAY
        );
    }

    let states: HashSet<String> =
        parse_list(&s.clone().login_and_info().await["info"]["subscriptions"])
            .iter()
            .map(|x| x["state"].as_str().unwrap().to_owned())
            .collect();
    for st in [
        "active",
        "cancelled",
        "in_grace_period",
        "on_hold",
        "paused",
        "expired",
    ] {
        assert!(states.contains(st), "{st}");
    }

    let free = s.dump("start@example.com").await;
    assert_eq!(free["orderid"], Value::Null);
    assert!(free["subscriptions"].as_array().unwrap().is_empty());
    assert!(free["inapps"].as_array().unwrap().is_empty());
    assert!(free["files"]
        .as_array()
        .unwrap()
        .iter()
        .all(|f| f["type"] == "FAVOURITES"));
}

#[tokio::test]
async fn stored_data_is_gzip_of_real_gpx() {
    let s = Server::seeded();
    let (data, filesize, zipsize): (Vec<u8>, i64, i64) = s
        .state
        .db
        .with(|c| {
            Ok(c.query_row(
                "SELECT data, filesize, zipfilesize FROM file_versions WHERE name = 'Morning run.gpx' ORDER BY updatetime DESC LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )?)
        })
        .unwrap();
    assert_eq!(data.len() as i64, zipsize);
    let mut text = String::new();
    flate2::read::GzDecoder::new(&data[..])
        .read_to_string(&mut text)
        .unwrap();
    assert_eq!(text.len() as i64, filesize);
    assert!(text.starts_with("<?xml"));
    assert!(text.contains("<gpx version=\"1.1\""));
    assert!(text.matches("<trkpt ").count() >= 3);
}

trait InfoExt {
    async fn login_and_info(self) -> Value;
}

impl InfoExt for Server {
    async fn login_and_info(mut self) -> Value {
        self.login_demo().await;
        let r = self.get("/mapapi/get-account-info").await;
        assert_eq!(r.status, 200);
        assert_eq!(r.content_type(), TEXT);
        r.json()
    }
}

#[tokio::test]
async fn account_info_of_the_pro_demo_account() {
    let s = Server::seeded();
    let v = s.login_and_info().await;
    let info = v["info"].as_object().unwrap();
    // Every value is a string.
    assert!(info.values().all(Value::is_string), "{info:?}");
    assert!(!info.contains_key("account"));
    assert_eq!(info["maxAccSize"], "3145728000");
    assert_eq!(info["sku"], "net.osmand.fastspring.subscription.pro.annual");
    assert_eq!(info["state"], "active");
    assert_eq!(info["name"], "OsmAnd Pro");
    assert_eq!(info["store"], "OsmAnd Web (FastSpring)");
    assert_eq!(info["platform"], "fastspring");
    assert_eq!(info["valid"], "true");
    assert_eq!(info["billingDate"], info["expire_time"]);
    assert!(info["regtime"].as_str().unwrap().parse::<i64>().is_ok());
    assert_eq!(info["nickname"], "Demo");

    let subs = parse_list(&v["info"]["subscriptions"]);
    assert_eq!(subs.len(), 9);
    let starts: Vec<i64> = subs
        .iter()
        .map(|x| x["start_time"].as_str().unwrap().parse().unwrap())
        .collect();
    assert!(
        starts.windows(2).all(|w| w[0] >= w[1]),
        "sorted by start desc"
    );
    let stores: HashSet<&str> = subs.iter().map(|x| x["store"].as_str().unwrap()).collect();
    assert_eq!(
        stores,
        HashSet::from([
            "Google Play",
            "Apple App Store",
            "Huawei AppGallery",
            "Amazon",
            "OsmAnd Web (FastSpring)",
            "Other"
        ])
    );
    let cancelled = subs.iter().find(|x| x["state"] == "cancelled").unwrap();
    assert!(cancelled.get("billingDate").is_none());
    let other = subs.iter().find(|x| x["store"] == "Other").unwrap();
    assert_eq!(other["name"], "Other");
    assert!(other.get("platform").is_none());

    let iaps = parse_list(&v["info"]["inAppPurchases"]);
    let skus: Vec<&str> = iaps.iter().map(|x| x["sku"].as_str().unwrap()).collect();
    assert!(skus.contains(&"net.osmand.fastspring.inapp.maps.plus"));
    assert!(skus.contains(&"net.osmand.fastspring.inapp.pro.15y"));
    let maps = iaps
        .iter()
        .find(|x| x["sku"] == "net.osmand.fastspring.inapp.maps.plus")
        .unwrap();
    assert_eq!(maps["name"], "Maps+");
    assert_eq!(maps["store"], "OsmAnd Web (FastSpring)");
    assert!(maps["purchaseTime"]
        .as_str()
        .unwrap()
        .parse::<i64>()
        .is_ok());
}

#[tokio::test]
async fn account_info_of_a_free_account() {
    let mut s = Server::seeded();
    s.login("start@example.com", "start-password")
        .await
        .assert_ok_json();
    let v = s.get("/mapapi/get-account-info").await.json();
    let info = &v["info"];
    assert_eq!(info["account"], "Free");
    assert_eq!(info["maxAccSize"], "5242880");
    assert_eq!(info["subscriptions"], "[]");
    assert_eq!(info["inAppPurchases"], "[]");
    assert!(info.get("sku").is_none());
}

#[tokio::test]
async fn an_expired_order_makes_the_account_free() {
    let mut s = Server::new();
    s.create_account("p@example.com", "long-enough", true, "none")
        .await;
    s.login("p@example.com", "long-enough")
        .await
        .assert_ok_json();
    assert!(s.get("/mapapi/get-account-info").await.json()["info"]
        .get("account")
        .is_none());
    s.advance(400 * DAY);
    // (The session idled out meanwhile.)
    s.login("p@example.com", "long-enough")
        .await
        .assert_ok_json();
    let v = s.get("/mapapi/get-account-info").await.json();
    assert_eq!(v["info"]["account"], "Free");
    let subs = parse_list(&v["info"]["subscriptions"]);
    assert_eq!(subs[0]["state"], "paused"); // paid + auto-renewing but past expiry
    assert_eq!(s.dump("p@example.com").await["orderid"], Value::Null);
    assert_eq!(
        s.get("/mapapi/list-files").await.json()["maximumAccountSize"],
        5242880
    );
}

#[tokio::test]
async fn list_files_current_versions() {
    let mut s = Server::seeded();
    s.login_demo().await;
    let r = s.get("/mapapi/list-files").await;
    assert_eq!(r.status, 200);
    let v = r.json();
    assert!(v.get("allFiles").is_none());
    assert_eq!(v["userid"], 1);
    assert_eq!(v["maximumAccountSize"], 3145728000i64);
    let unique = v["uniqueFiles"].as_array().unwrap();
    assert_eq!(v["totalFiles"], unique.len());
    // Deleted files are not current.
    let names: HashSet<&str> = unique.iter().map(|f| f["name"].as_str().unwrap()).collect();
    assert!(!names.contains("Canal walk.gpx"));
    assert!(
        names.contains("Bike/Commute to work.gpx"),
        "restored file is current"
    );
    assert!(
        names.contains("OpenTopoMap"),
        "a name without a dot is fine"
    );
    let zip: i64 = unique.iter().map(|f| f["zipSize"].as_i64().unwrap()).sum();
    let size: i64 = unique.iter().map(|f| f["filesize"].as_i64().unwrap()).sum();
    assert_eq!(v["totalZipSize"], zip);
    assert_eq!(v["totalFileSize"], size);
    let ms: Vec<i64> = unique
        .iter()
        .map(|f| f["updatetimems"].as_i64().unwrap())
        .collect();
    assert!(ms.windows(2).all(|w| w[0] >= w[1]), "newest first");
    let f = &unique[0];
    for key in [
        "userid",
        "id",
        "deviceid",
        "filesize",
        "zipSize",
        "type",
        "name",
        "updatetime",
        "updatetimems",
        "clienttimems",
        "storage",
    ] {
        assert!(f.get(key).is_some(), "{key}");
    }
    assert!(f.get("deviceInfo").is_none());
    let text = f["updatetime"].as_str().unwrap();
    assert!(text.ends_with("AM") || text.ends_with("PM"), "{text}");
}

#[tokio::test]
async fn list_files_all_versions_with_devices() {
    let mut s = Server::seeded();
    s.login_demo().await;
    let v = s
        .get("/mapapi/list-files?allVersions=true&addDevices=true")
        .await
        .json();
    let all = v["allFiles"].as_array().unwrap();
    let dump = s.dump("demo@example.com").await;
    assert_eq!(all.len() as i64, dump["file_versions"].as_i64().unwrap());
    let live: Vec<&Value> = all
        .iter()
        .filter(|f| f["zipSize"].as_i64().unwrap() >= 0)
        .collect();
    assert_eq!(v["totalFileVersions"], live.len());
    let zip: i64 = live.iter().map(|f| f["zipSize"].as_i64().unwrap()).sum();
    assert_eq!(v["totalZipSize"], zip);
    let tomb = all
        .iter()
        .find(|f| f["name"] == "Canal walk.gpx" && f["filesize"] == -1)
        .unwrap();
    assert_eq!(tomb["zipSize"], -1);
    assert!(tomb.get("details").is_none());
    let infos: HashSet<&str> = all
        .iter()
        .filter_map(|f| f["deviceInfo"].as_str())
        .collect();
    assert!(infos.contains("Apple__model__iPhone15,2"));
    assert!(infos.contains("OsmAnd__model__Web"));
    assert!(infos.contains("samsung__model__SM-S918B"));
    // Without addDevices: no deviceInfo.
    let v = s.get("/mapapi/list-files?allVersions=true").await.json();
    assert!(v["allFiles"]
        .as_array()
        .unwrap()
        .iter()
        .all(|f| f.get("deviceInfo").is_none()));
}

#[tokio::test]
async fn list_files_filters() {
    let mut s = Server::seeded();
    s.login_demo().await;
    let v = s
        .get("/mapapi/list-files?type=FAVOURITES,PROFILE")
        .await
        .json();
    let types: HashSet<&str> = v["uniqueFiles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["type"].as_str().unwrap())
        .collect();
    assert_eq!(types, HashSet::from(["FAVOURITES", "PROFILE"]));
    let v = s
        .get("/mapapi/list-files?name=favorites.gpx&allVersions=true")
        .await
        .json();
    assert_eq!(v["allFiles"].as_array().unwrap().len(), 4);
    assert_eq!(v["totalFiles"], 1);
    s.get("/mapapi/list-files?allVersions=perhaps")
        .await
        .assert_spring(400, "/mapapi/list-files");
}
