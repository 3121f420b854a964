//! The local server: `make run`. Every function's routes and the `/dev/` routes on
//! 127.0.0.1:$PORT, with the embedded backend under $DATA_DIR. A demo tenant is created on
//! first start and its admin's credentials are printed on every start.

use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;

use invitations::app::App;
use invitations::config::Config;
use invitations::usecases::sessions::{self, SignInRequest};
use invitations::usecases::tenants::{self, NewAdmin, NewTenant};
use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize)]
struct Demo {
    tenant_id: String,
    email: String,
    password: String,
}

async fn demo(app: &Arc<App>, dir: &Path) -> Result<Demo, String> {
    let path = dir.join("demo-admin.json");
    if let Ok(text) = std::fs::read_to_string(&path) {
        // A file left readable to others (as this server wrote it before) is closed first.
        owner_only(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let demo: Demo =
            serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
        // The store may have been emptied since (a fresh moto on BACKEND=aws): check it still signs in.
        let sign_in = SignInRequest {
            email: Some(demo.email.clone()),
            phone: None,
            password: Some(demo.password.clone()),
            code: None,
        };
        if sessions::sign_in(app, sign_in).await.is_ok() {
            return Ok(demo);
        }
    }
    let password = invitations::secrets::mint_token();
    let email = "admin@demo.example".to_string();
    let created = tenants::create(
        app,
        NewTenant {
            name: "Demo Hotel".into(),
            products: vec!["service".into(), "chat".into()],
            sms_countries: vec!["ES".into(), "GB".into(), "US".into()],
            admin: NewAdmin {
                email: email.clone(),
                password: password.clone(),
                first_name: "Demo".into(),
                last_name: "Admin".into(),
            },
        },
    )
    .await
    .map_err(|e| format!("could not create the demo tenant: {e}"))?;
    let demo = Demo {
        tenant_id: created.tenant_id.to_string(),
        email,
        password,
    };
    let text = serde_json::to_string_pretty(&demo).map_err(|e| e.to_string())?;
    write_owner_only(&path, text.as_bytes()).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(demo)
}

/// Writes `bytes` to `path`, readable and writable by its owner only (0600 on Unix): the file
/// holds the demo admin's password. A new file is created so, with no moment open to others;
/// an existing one is closed before it is truncated.
fn write_owner_only(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    if path.exists() {
        owner_only(path)?;
    }
    options.open(path)?.write_all(bytes)
}

/// Makes `path` readable and writable by its owner only (0600; elsewhere than on Unix, left as
/// it is).
fn owner_only(path: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600))?;
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}

async fn shutdown() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! { _ = ctrl_c => {}, _ = term => {} }
}

/// The local server allocates for every request and item it keeps (a request's JSON, the
/// in-memory table's records); mimalloc serves those small allocations from per-thread pages, where
/// glibc's malloc was a fifth of the CPU under an invitation load. (The Lambda functions keep the
/// system allocator: they serve one request at a time, and start faster without it.)
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's `mi_option_purge_delay` (its place in `mi_option_e` of `mimalloc.h`, the same in
/// mimalloc 2 and 3; `libmimalloc-sys` names no constant for it).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Keeps the memory mimalloc has had from the OS instead of handing freed pages back after its
/// purge delay. Under an invitation load the outbox thread frees each 200 ms of messages in one
/// batch; handed back, those pages were faulted in again as fresh (huge) pages the kernel zeroes: 0.078 page
/// faults per invitation and about 6% of the server's CPU per invitation on the bench machine,
/// against 0.002 faults kept. The server's memory is its high-water mark, as with most servers
/// that hold their data in memory.
fn keep_freed_memory() {
    // SAFETY: sets one of mimalloc's option values (a plain integer); -1 is "never purge".
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, -1) };
}

/// `local keygen`: a new session key pair for a deployment, as JSON: the private key (into the
/// Secrets Manager secret) and the public key (the `SessionVerifyingKey` parameter).
fn keygen() -> ExitCode {
    use base64::Engine;
    let pair = invitations::session::SessionKeys::generate_pkcs8_der().and_then(|der| {
        let public = invitations::session::SessionKeys::public_base64(&der)?;
        Ok((
            base64::engine::general_purpose::STANDARD.encode(der),
            public,
        ))
    });
    match pair {
        Ok((signing, verifying)) => {
            println!(
                "{}",
                serde_json::json!({"signing_key": signing, "verifying_key": verifying})
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}

#[tokio::main]
async fn main() -> ExitCode {
    if std::env::args().nth(1).as_deref() == Some("keygen") {
        return keygen();
    }
    keep_freed_memory();
    invitations::telemetry::init_local();
    let port: u16 = match std::env::var("PORT")
        .ok()
        .filter(|p| !p.is_empty())
        .map(|p| p.parse())
    {
        None => 8080,
        Some(Ok(p)) => p,
        Some(Err(_)) => {
            eprintln!("PORT must be a port number");
            return ExitCode::from(2);
        }
    };
    let config = match Config::from_env() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let dir = config.data_dir.clone();
    let app = match App::build(config).await {
        Ok(app) => app,
        Err(e) => {
            eprintln!("cannot start: {e}");
            return ExitCode::from(1);
        }
    };
    // A demo tenant helps a newcomer; it never stops the server from starting.
    let demo = demo(&app, &dir)
        .await
        .inspect_err(|e| eprintln!("no demo tenant: {e}"))
        .ok();
    let listener = match tokio::net::TcpListener::bind(("127.0.0.1", port)).await {
        Ok(l) => l,
        Err(e) => {
            eprintln!("cannot listen on 127.0.0.1:{port}: {e}");
            return ExitCode::from(1);
        }
    };
    // Due deferred sends fire by themselves within a second.
    let _timer = invitations::usecases::dispatch::spawn_timer(app.clone());
    let _courier = invitations::usecases::deliver::spawn_courier(app.clone());
    let url = format!("http://127.0.0.1:{port}");
    println!(
        "Invitation service (local) listening on {url}  (data in {})",
        dir.display()
    );
    if let Some(demo) = demo {
        println!("Demo tenant {} - sign in:", demo.tenant_id);
        println!(
            "  curl -s {url}/v1/sessions -H 'content-type: application/json' -d '{{\"email\":\"{}\",\"password\":\"{}\"}}'",
            demo.email, demo.password
        );
    }
    println!(
        "Sent messages: {url}/dev/outbox.html   (and {}, which a mail client opens)",
        dir.join("outbox.mbox").display()
    );
    if let Err(e) = axum::serve(listener, invitations::http::local_router(app))
        .with_graceful_shutdown(shutdown())
        .await
    {
        eprintln!("server error: {e}");
        return ExitCode::from(1);
    }
    ExitCode::SUCCESS
}
