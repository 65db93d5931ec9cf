//! `devserver` binary: flags → database → router → listen. See `devserver --help`.

use std::io::Write;
use std::net::SocketAddr;
use std::process::ExitCode;

use devserver::cli::{self, Command};
use devserver::{app, db, seed, AppState, Config};

#[tokio::main]
async fn main() -> ExitCode {
    let args = match cli::parse(std::env::args().skip(1)) {
        Ok(Command::Run(args)) => args,
        Ok(Command::Help) => {
            print!("{}", cli::USAGE);
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("devserver: {e}\n\n{}", cli::USAGE);
            return ExitCode::from(2);
        }
    };
    match run(args).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("devserver: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn run(args: cli::Args) -> Result<(), String> {
    let database = db::Db::open(&args.db).map_err(|e| format!("{}: {e}", args.db.display()))?;
    if let Some(dist) = &args.dist {
        if !dist.join("index.html").is_file() {
            eprintln!(
                "devserver: warning: {}/index.html not found",
                dist.display()
            );
        }
    }
    let state = AppState::new(
        database,
        Config {
            cookie_name: args.cookie_name.clone(),
            bcrypt_cost: args.bcrypt_cost,
            dev: args.dev,
            dist: args.dist.clone(),
            gallery: args.gallery.clone(),
            switches: args.switches,
            archive_ms_per_file: args.archive_ms_per_file,
            delete_ms_per_file: args.delete_ms_per_file,
        },
    );
    if args.seed_demo {
        state.seed_demo().map_err(|e| format!("seeding: {e}"))?;
    }
    let listener = tokio::net::TcpListener::bind((args.host.as_str(), args.port))
        .await
        .map_err(|e| format!("cannot listen on {}:{}: {e}", args.host, args.port))?;
    let addr = listener.local_addr().map_err(|e| e.to_string())?;
    let mut out = std::io::stdout().lock();
    let _ = writeln!(
        out,
        "devserver listening on http://{}:{}",
        args.host,
        addr.port()
    );
    if args.seed_demo {
        let _ = writeln!(
            out,
            "Demo login: {} / {}",
            seed::DEMO_EMAIL,
            seed::DEMO_PASSWORD
        );
        let _ = writeln!(
            out,
            "Free account: {} / {}",
            seed::FREE_EMAIL,
            seed::FREE_PASSWORD
        );
        let _ = writeln!(
            out,
            "Browser-suite account: {} / {}",
            seed::SUITE_EMAIL,
            seed::SUITE_PASSWORD
        );
    }
    let _ = out.flush();
    drop(out);

    let service = app(state).into_make_service_with_connect_info::<SocketAddr>();
    axum::serve(listener, service)
        .with_graceful_shutdown(shutdown_signal())
        .await
        .map_err(|e| e.to_string())
}

/// Resolves on SIGINT (Ctrl-C) or SIGTERM.
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
}
