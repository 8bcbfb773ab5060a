//! `grade serve`: the local practice page and its JSON API over HTTP (axum on tokio). This
//! face binds, prints where it listens, opens a browser when asked and stops on Ctrl-C;
//! the routes are in `api`, the grading in the library (`grade::batch::request`).

mod api;

use std::net::{IpAddr, SocketAddr};
use std::process::ExitCode;
use std::time::Duration;

/// `grade serve`'s arguments.
#[derive(clap::Args, Debug)]
pub(crate) struct ServeArgs {
    /// The port to listen on; 0 picks a free one (the line printed on start names it).
    #[arg(long, default_value_t = 8787)]
    port: u16,
    /// The address to listen on (default 127.0.0.1, this machine only). Any other than a
    /// loopback address lets other machines use the page: a warning says so.
    #[arg(long)]
    host: Option<String>,
    /// Refuse request bodies larger than this many bytes (413), as the CLI refuses answers.
    #[arg(long, default_value_t = grade::document::DEFAULT_MAX_BYTES)]
    max_bytes: usize,
    /// Open the page in the browser, where there is one.
    #[arg(long)]
    open: bool,
}

/// How long requests still open at Ctrl-C may take to finish before the server stops.
const GRACE: Duration = Duration::from_secs(5);

/// Serves until Ctrl-C, then exits 0; an address that cannot be bound is an error.
pub(crate) fn run(args: &ServeArgs) -> Result<ExitCode, std::io::Error> {
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    // Grading is CPU work: one thread per core grades (tokio's blocking pool), and as many
    // async threads move bytes, so that slow clients never hold a grading thread.
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(cores)
        .max_blocking_threads(cores)
        .enable_io()
        .enable_time()
        .build()?;
    runtime.block_on(serve(args))
}

async fn serve(args: &ServeArgs) -> Result<ExitCode, std::io::Error> {
    let host = args.host.as_deref().unwrap_or("127.0.0.1");
    let listener = tokio::net::TcpListener::bind((host, args.port))
        .await
        .map_err(|e| {
            std::io::Error::new(
                e.kind(),
                format!("cannot listen on {host}:{}: {e}", args.port),
            )
        })?;
    let address = listener.local_addr()?;
    let interrupted = interrupted()?;
    if let Some(warning) = exposure_warning(address.ip()) {
        eprintln!("warning: grade serve: {warning}");
    }
    println!("grade serve: listening on http://{address}");
    if args.open {
        open_browser(page_url(address));
    }
    let app = api::router(api::State::new(args.max_bytes));
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let stopping = async {
        let _ = stopped.await;
    };
    let server = tokio::spawn(std::future::IntoFuture::into_future(
        axum::serve(listener, app).with_graceful_shutdown(stopping),
    ));
    interrupted.await;
    let _ = stop.send(());
    match tokio::time::timeout(GRACE, server).await {
        Ok(_) => println!("grade serve: stopped"),
        Err(_) => {
            println!("grade serve: stopped ({GRACE:?} after Ctrl-C, with requests still open)")
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Ctrl-C (SIGINT), listened for from the moment this returns, so that one pressed right
/// after the start line is printed still stops the server cleanly.
fn interrupted() -> std::io::Result<impl Future<Output = ()>> {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        let mut interrupt = signal(SignalKind::interrupt())?;
        Ok(async move {
            interrupt.recv().await;
        })
    }
    #[cfg(not(unix))]
    Ok(async {
        let _ = tokio::signal::ctrl_c().await;
    })
}

/// The page's address as a browser on this machine takes it (`[::1]` for IPv6). An unspecified address
/// (`0.0.0.0`) is reached on this machine through the loopback address.
fn page_url(address: SocketAddr) -> String {
    let mut shown = address;
    if address.ip().is_unspecified() {
        shown.set_ip(match address.ip() {
            IpAddr::V4(_) => IpAddr::from([127, 0, 0, 1]),
            IpAddr::V6(_) => IpAddr::from(std::net::Ipv6Addr::LOCALHOST),
        });
    }
    format!("http://{shown}")
}

/// Why listening on `ip` is worth a warning: any address but a loopback one can be reached
/// from other machines.
fn exposure_warning(ip: IpAddr) -> Option<String> {
    (!ip.is_loopback()).then(|| {
        format!(
            "{ip} is not a loopback address: other machines that can reach it can use the page and its API; without --host it listens on 127.0.0.1 only"
        )
    })
}

/// Opens `url` in the desktop's browser from a thread of its own, so that a slow opener
/// never delays serving; where there is none, says to open the page by hand.
fn open_browser(url: String) {
    let page = url.clone();
    let manual = move |why: &str| println!("grade serve: {why}; open {url} in a browser");
    let Some(mut command) = browser_command() else {
        return manual("no desktop to open a browser on");
    };
    command
        .arg(page)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null());
    std::thread::spawn(move || match command.status() {
        Ok(status) if status.success() => {}
        Ok(status) => manual(&format!("the browser opener exited with {status}")),
        Err(e) => manual(&format!("could not start a browser opener ({e})")),
    });
}

/// The platform's "open this URL" command; on Linux and the BSDs only with a desktop
/// session, because without one xdg-open falls back to a text browser that would take
/// over this terminal.
fn browser_command() -> Option<std::process::Command> {
    if cfg!(target_os = "macos") {
        return Some(std::process::Command::new("open"));
    }
    if cfg!(windows) {
        let mut command = std::process::Command::new("cmd");
        command.args(["/C", "start", ""]);
        return Some(command);
    }
    let desktop = ["DISPLAY", "WAYLAND_DISPLAY"]
        .iter()
        .any(|name| std::env::var_os(name).is_some_and(|v| !v.is_empty()));
    desktop.then(|| std::process::Command::new("xdg-open"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_loopback_addresses_are_quiet() {
        for quiet in ["127.0.0.1", "127.8.9.10", "::1"] {
            assert_eq!(exposure_warning(quiet.parse().unwrap()), None, "{quiet}");
        }
        for exposed in ["0.0.0.0", "::", "192.168.1.20", "10.0.0.1"] {
            let warning = exposure_warning(exposed.parse().unwrap()).unwrap();
            assert!(warning.starts_with(&format!("{exposed} is not a loopback address")));
            assert!(warning.contains("other machines"), "{warning}");
        }
    }

    #[test]
    fn the_url_names_an_address_a_browser_reaches() {
        let url = |address: &str| page_url(address.parse().unwrap());
        assert_eq!(url("127.0.0.1:8787"), "http://127.0.0.1:8787");
        assert_eq!(url("0.0.0.0:9000"), "http://127.0.0.1:9000");
        assert_eq!(url("[::1]:80"), "http://[::1]:80");
        assert_eq!(url("[::]:80"), "http://[::1]:80");
    }
}
