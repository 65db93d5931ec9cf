//! Contract tests: hand-written fixtures from mapapi.md decoded through the client.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::{block_on, client};
use osmand_api::client::ListFilesQuery;
use osmand_api::http::HttpResponse;
use osmand_api::models::*;
use osmand_api::ApiError;

const ACCOUNT_PRO: &str = include_str!("fixtures/account_info_pro.json");
const ACCOUNT_FREE: &str = include_str!("fixtures/account_info_free.json");
const ACCOUNT_INAPP: &str = include_str!("fixtures/account_info_inapp_pro.json");
const ACCOUNT_SPARSE: &str = include_str!("fixtures/account_info_sparse.json");
const FILES_LATEST: &str = include_str!("fixtures/list_files_latest.json");
const FILES_HISTORY: &str = include_str!("fixtures/list_files_history.json");
const FILES_EMPTY: &str = include_str!("fixtures/list_files_empty.json");

fn account(body: &str) -> AccountInfo {
    let (api, mock) = client();
    // The real server labels this JSON text/plain.
    mock.push_text(200, body);
    block_on(api.account_info()).unwrap()
}

fn files(body: &str) -> ListFiles {
    let (api, mock) = client();
    mock.push_text(200, body);
    block_on(api.list_files(&ListFilesQuery::history())).unwrap()
}

#[test]
fn auth_info_user_and_null() {
    let (api, mock) = client();
    mock.push_json(200, include_str!("fixtures/auth_info_user.json"));
    let info = block_on(api.auth_info()).unwrap().unwrap();
    assert_eq!(info.username, "Demo@Example.com");
    assert_eq!(info.roles.len(), 3);
    assert!(info.has_role("ROLE_PRO_USER") && info.is_staff());

    for logged_out in [
        "null",
        " null\n",
        r#"{"username":null}"#,
        r#"{"username":"","roles":[]}"#,
    ] {
        mock.push_json(200, logged_out);
        assert_eq!(block_on(api.auth_info()), Ok(None), "{logged_out}");
    }
    mock.push_json(200, r#"{"username":"a@b.c"}"#);
    let no_roles = block_on(api.auth_info()).unwrap().unwrap();
    assert!(no_roles.roles.is_empty() && !no_roles.is_staff());

    for garbage in ["", "[]", "\"x\"", r#"{"username":"a@b.c","roles":"x"}"#] {
        mock.push_json(200, garbage);
        assert!(
            matches!(block_on(api.auth_info()), Err(ApiError::Decode(_))),
            "{garbage}"
        );
    }
}

#[test]
fn pro_account_with_subscriptions_as_json_string() {
    let info = account(ACCOUNT_PRO);
    assert!(!info.is_free());
    assert_eq!(info.max_account_size(), Some(3_145_728_000));
    assert_eq!(info.plan_name(), Some("OsmAnd Pro"));
    assert_eq!(info.state(), Some("active"));
    assert_eq!(info.state_kind(), SubscriptionState::Active);
    assert_eq!(info.regtime_ms(), Some(1_600_000_000_000));
    assert_eq!(info.expire_ms(), Some(1_767_225_600_000));
    assert_eq!(info.start_ms(), Some(1_735_689_600_000));
    assert_eq!(info.nickname(), Some("demo"));
    assert_eq!(info.get("cross-platform"), Some("true"));

    let subs = info.subscriptions().unwrap();
    assert_eq!(subs.len(), 4);
    let main = &subs[0];
    assert_eq!(main.r#type.as_deref(), Some("annual"));
    assert_eq!(main.store.as_deref(), Some("Google Play"));
    assert_eq!(main.billing_ms(), Some(1_767_225_600_000));
    assert_eq!(main.start_ms(), Some(1_735_689_600_000));
    assert_eq!(main.is_valid(), Some(true));

    assert_eq!(subs[1].state_kind(), SubscriptionState::Expired);
    assert_eq!(subs[1].is_valid(), Some(false));
    assert_eq!(subs[2].state_kind(), SubscriptionState::Cancelled);
    assert!(subs[2].state_kind().shown_as_active());
    assert_eq!(subs[2].expire_ms(), None);
    assert_eq!(subs[2].billing_date, None);
    assert_eq!(subs[3].state_kind(), SubscriptionState::Unknown);
    assert_eq!(subs[3].platform, None);

    let iaps = info.in_app_purchases().unwrap();
    assert_eq!(iaps.len(), 2);
    assert_eq!(iaps[0].purchase_ms(), Some(1_500_000_000_000));
    assert_eq!(iaps[0].name.as_deref(), Some("Maps+"));
    // Catalog keys the panel does not show (`icon`, `defPriceEurMillis`, …) are skipped.
    assert_eq!(iaps[1].sku.as_deref(), Some("osmand_full_version_price"));
}

#[test]
fn free_account() {
    let info = account(ACCOUNT_FREE);
    assert!(info.is_free());
    assert_eq!(info.max_account_size(), Some(5_242_880));
    assert_eq!(info.plan_name(), None);
    assert_eq!(info.state_kind(), SubscriptionState::Unknown);
    assert_eq!(info.subscriptions().unwrap(), vec![]);
    let iaps = info.in_app_purchases().unwrap();
    assert_eq!(iaps[0].is_valid(), Some(false));
    assert_eq!(info.regtime_ms(), Some(1_720_000_000_000));
}

#[test]
fn pro_by_in_app_has_no_plan_fields() {
    let info = account(ACCOUNT_INAPP);
    assert!(!info.is_free());
    assert_eq!(info.plan_name(), None);
    assert_eq!(info.regtime_ms(), None, "regtime \"\"");
    assert!(info.subscriptions().unwrap().is_empty());
    assert_eq!(
        info.in_app_purchases().unwrap()[0].sku.as_deref(),
        Some("net.osmand.fastspring.inapp.pro.15y")
    );
}

#[test]
fn sparse_and_odd_account_info() {
    let info = account(ACCOUNT_SPARSE);
    assert_eq!(info.subscriptions(), Ok(vec![]), "empty string");
    assert_eq!(info.in_app_purchases(), Ok(vec![]), "missing key");
    assert_eq!(info.regtime_ms(), None);

    // Non-string values are kept as text; nulls dropped; "null" lists are empty.
    let odd = account(
        r#"{"info":{"maxAccSize":3145728000,"valid":true,"nickname":null,"subscriptions":"null","inAppPurchases":" [] "}}"#,
    );
    assert_eq!(odd.max_account_size(), Some(3_145_728_000));
    assert_eq!(odd.get("valid"), Some("true"));
    assert_eq!(odd.get("nickname"), None);
    assert_eq!(odd.subscriptions(), Ok(vec![]));
    assert_eq!(odd.in_app_purchases(), Ok(vec![]));

    // Numbers inside the embedded list are accepted as strings.
    let numeric =
        account(r#"{"info":{"subscriptions":"[{\"start_time\":1700000000000,\"valid\":true}]"}}"#);
    let sub = &numeric.subscriptions().unwrap()[0];
    assert_eq!(sub.start_ms(), Some(1_700_000_000_000));
    assert_eq!(sub.is_valid(), Some(true));

    let broken = account(r#"{"info":{"subscriptions":"[{\"sku\":","inAppPurchases":"{}"}}"#);
    assert!(matches!(broken.subscriptions(), Err(ApiError::Decode(_))));
    assert!(matches!(
        broken.in_app_purchases(),
        Err(ApiError::Decode(_))
    ));
    for bad in ["[1]", "[[]]", "[\"x\"]", "{}", "true"] {
        let mut info = AccountInfo::default();
        info.info.insert("subscriptions".into(), bad.into());
        assert!(
            matches!(info.subscriptions(), Err(ApiError::Decode(_))),
            "{bad}"
        );
    }
}

#[test]
fn account_info_garbage_is_decode_error() {
    let (api, mock) = client();
    for garbage in [
        "",
        "{}",
        "[]",
        r#"{"info":"x"}"#,
        "<html></html>",
        r#"{"info":{"a":"b"}"#,
    ] {
        mock.push_text(200, garbage);
        assert!(
            matches!(block_on(api.account_info()), Err(ApiError::Decode(_))),
            "{garbage}"
        );
    }
}

#[test]
fn list_files_without_all_files() {
    let list = files(FILES_LATEST);
    assert_eq!(list.total_zip_size, 52_011);
    assert_eq!(list.total_file_size, 245_760);
    assert_eq!((list.total_files, list.total_file_versions), (3, 5));
    assert_eq!(list.all_files, None);
    assert_eq!(list.userid, Some(7));
    assert_eq!(list.maximum_account_size, Some(3_145_728_000));
    assert_eq!(list.unique_zip_size(), 52_011);

    let gpx = &list.unique_files[0];
    assert_eq!(gpx.name, "Hikes/Zürich – Üetliberg #1 & more.gpx");
    assert_eq!(gpx.r#type, "GPX");
    assert_eq!(gpx.updatetime, "Aug 20, 2026, 5:03:55 PM");
    assert_eq!(gpx.updatetimems, 1_787_245_435_000);
    assert_eq!(gpx.clienttime.as_deref(), Some("Aug 20, 2026, 5:03:54 PM"));
    let details: serde_json::Value =
        serde_json::from_str(gpx.details.as_ref().unwrap().get()).unwrap();
    assert_eq!(details["analysis"]["points"], 812);
    assert_eq!(
        gpx.change_kind(),
        ChangeKind::Added,
        "same second after rounding"
    );
    assert!(!gpx.is_tombstone());
    assert_eq!(gpx.device_label(), None);

    let fav = &list.unique_files[1];
    assert_eq!(fav.display_name(), "favorites-Line\r\nBreak 東京.gpx");
    assert_eq!(fav.storagename.as_deref(), Some("favorites-Line...gpx"));
    assert_eq!(fav.clienttime, None);
    assert_eq!(fav.change_kind(), ChangeKind::Modified);
    let details: serde_json::Value =
        serde_json::from_str(fav.details.as_ref().unwrap().get()).unwrap();
    assert!(details["pointGroups"].is_string());

    assert_eq!(
        list.unique_files[2].display_name(),
        "rendering/my style.render.xml"
    );
}

#[test]
fn list_files_history_with_tombstones_and_devices() {
    let list = files(FILES_HISTORY);
    let all = list.all_files.as_ref().unwrap();
    assert_eq!(all.len(), 5);

    let tomb = &all[0];
    assert!(tomb.is_tombstone());
    assert_eq!((tomb.filesize, tomb.zip_size), (-1, -1));
    assert_eq!(tomb.change_kind(), ChangeKind::Deleted);
    assert_eq!(tomb.storage, None);
    assert_eq!(tomb.device_label(), Some(("OsmAnd", "Web")));

    assert_eq!(all[1].device_label(), Some(("Apple", "iPhone15,2")));
    assert_eq!(all[1].change_kind(), ChangeKind::Added);
    assert_eq!(all[2].device_label(), Some(("samsung", "SM-G991B")));
    assert_eq!(all[2].change_kind(), ChangeKind::Modified);
    assert_eq!(all[3].device_info, None, "omitted when unknown");
    assert!(all[4].is_tombstone());
    assert_eq!(all[4].clienttimems, 0);
}

#[test]
fn list_files_empty_and_minimal() {
    let list = files(FILES_EMPTY);
    assert!(list.unique_files.is_empty());
    assert_eq!(list.maximum_account_size, Some(5_242_880));
    assert_eq!(list.unique_zip_size(), 0);

    let bare = files("{}");
    assert_eq!(bare, ListFiles::default());
    let nulls = files(r#"{"totalZipSize":null,"uniqueFiles":null,"allFiles":null,"userid":null}"#);
    assert_eq!(nulls, ListFiles::default());
}

#[test]
fn list_files_garbage_is_decode_error() {
    let (api, mock) = client();
    let bad = [
        "",
        "[]",
        "null",
        r#"{"totalZipSize":"big"}"#,
        r#"{"uniqueFiles":[{"type":"GPX","updatetimems":1}]}"#,
        r#"{"uniqueFiles":{}}"#,
        r#"{"totalFiles":1"#,
    ];
    for body in bad {
        mock.push_text(200, body);
        let got = block_on(api.list_files(&ListFilesQuery::latest()));
        assert!(matches!(got, Err(ApiError::Decode(_))), "{body}: {got:?}");
    }
}

#[test]
fn user_file_helpers() {
    let mut f = UserFile {
        name: "a$0Db$0Ac".into(),
        zip_size: 0,
        filesize: 10,
        ..Default::default()
    };
    assert!(
        f.is_tombstone(),
        "zipSize 0 counts as deleted (client rule)"
    );
    assert_eq!(f.display_name(), "a\rb\nc");
    f.device_info = Some("Brand".into());
    assert_eq!(f.device_label(), Some(("Brand", "")));
    f.device_info = Some("__model__".into());
    assert_eq!(f.device_label(), None);
    f.name = "x.gpx.info".into();
    assert!(f.is_info_file());
    let unchanged = UserFile {
        zip_size: 5,
        updatetimems: 1000,
        clienttimems: 5000,
        ..Default::default()
    };
    assert_eq!(unchanged.change_kind(), ChangeKind::Unchanged);
}

#[test]
fn user_file_serializes_back_to_server_names() {
    let list = files(FILES_HISTORY);
    let json = serde_json::to_value(&list).unwrap();
    assert!(json["allFiles"][0]["zipSize"].is_number());
    assert_eq!(json["allFiles"][0]["deviceInfo"], "OsmAnd__model__Web");
    assert_eq!(json["allFiles"][0]["type"], "GPX");
    assert!(json["allFiles"][0].get("storage").is_none());
    assert_eq!(json["maximumAccountSize"], 3_145_728_000_u64);
    let again: ListFiles = serde_json::from_str(&json.to_string()).unwrap();
    assert_eq!(again, list);
}

#[test]
fn restore_file_returns_the_new_version() {
    let (api, mock) = client();
    mock.push_text(200, include_str!("fixtures/restore_file.json"));
    let f = block_on(api.restore_file("old.gpx", "GPX", 1_787_299_200_000)).unwrap();
    assert_eq!(f.updatetimems, 1_787_385_600_000);
    assert_eq!(f.clienttime.as_deref(), Some("Jul 1, 2026, 10:00:00 AM"));
    assert_eq!((&f.details, &f.device_info), (&None, &None));
    assert!(!f.is_tombstone());
}

#[test]
fn empty_trash_short_form() {
    let (api, mock) = client();
    mock.push_response(HttpResponse::ok());
    let r = block_on(api.empty_trash(&[])).unwrap();
    assert_eq!(r.status, "ok");
    assert!(!r.is_detailed());
    assert_eq!(r.problems().count(), 0);
}

#[test]
fn empty_trash_summary_form() {
    let (api, mock) = client();
    mock.push_json(200, include_str!("fixtures/empty_trash_summary.json"));
    let r = block_on(api.empty_trash(&[])).unwrap();
    assert!(r.is_detailed());
    let s = r.summary.unwrap();
    assert_eq!(
        (
            s.requested,
            s.deleted,
            s.already_missing,
            s.skipped,
            s.failed
        ),
        (4, 1, 1, 1, 1)
    );
    let kinds: Vec<_> = r.results.iter().map(TrashItemResult::status_kind).collect();
    assert_eq!(
        kinds,
        [
            TrashItemStatus::Deleted,
            TrashItemStatus::AlreadyMissing,
            TrashItemStatus::SkippedNotTrash,
            TrashItemStatus::Failed
        ]
    );
    assert_eq!(r.results[0].message, None);
    assert_eq!(r.problems().count(), 2);
    assert!(r.results[3]
        .message
        .as_deref()
        .unwrap()
        .ends_with("GPX/x.gpx"));
}

#[test]
fn empty_trash_not_ok_is_decode_error() {
    let (api, mock) = client();
    for body in [
        r#"{"status":"error"}"#,
        r#"{"summary":{}}"#,
        "",
        r#"{"status":"ok","results":{}}"#,
    ] {
        mock.push_text(200, body);
        assert!(
            matches!(block_on(api.empty_trash(&[])), Err(ApiError::Decode(_))),
            "{body}"
        );
    }
}
