//! A PostgreSQL server older than 12 is refused at start with a clear message naming the
//! server (without its password) and its version. No old server runs here, so the real
//! test server is put behind a small proxy on 127.0.0.1 that rewrites what the server says
//! its version is (the `server_version` parameter at login and the `server_version_num`
//! the store asks for); everything else passes through. The real binary connects through
//! it with the real connection path.

use std::process::Command;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// Forwards client bytes as they are; rewrites the server's version in its messages.
/// What the proxy says instead of the real version: (server_version_num, server_version).
type Pretend = Option<(&'static str, &'static str)>;

async fn proxy(mut client: TcpStream, server: String, real_num: String, pretend: Pretend) {
    let Ok(upstream) = TcpStream::connect(&server).await else {
        return;
    };
    let (mut client_rx, mut client_tx) = client.split();
    let (mut server_rx, mut server_tx) = upstream.into_split();
    let up = async {
        let _ = tokio::io::copy(&mut client_rx, &mut server_tx).await;
        let _ = server_tx.shutdown().await;
    };
    let down = async {
        // Backend messages: a type byte, a big-endian length that counts itself, the body.
        loop {
            let mut head = [0u8; 5];
            if server_rx.read_exact(&mut head).await.is_err() {
                break;
            }
            let len = u32::from_be_bytes([head[1], head[2], head[3], head[4]]) as usize;
            let mut body = vec![0u8; len.saturating_sub(4)];
            if server_rx.read_exact(&mut body).await.is_err() {
                break;
            }
            let body = match (head[0], pretend) {
                (_, None) => body,
                (b'S', Some((_, fake_version))) if body.starts_with(b"server_version\0") => [
                    b"server_version\0".as_slice(),
                    fake_version.as_bytes(),
                    b"\0",
                ]
                .concat(),
                // A one-column row holding the real version number: the fake one instead.
                (b'D', Some((fake_num, _)))
                    if body.len() == 6 + real_num.len()
                        && body[..2] == [0, 1]
                        && body[6..] == *real_num.as_bytes() =>
                {
                    let mut row = vec![0, 1];
                    row.extend((fake_num.len() as u32).to_be_bytes());
                    row.extend(fake_num.as_bytes());
                    row
                }
                _ => body,
            };
            let mut out = vec![head[0]];
            out.extend(((body.len() + 4) as u32).to_be_bytes());
            out.extend(body);
            if client_tx.write_all(&out).await.is_err() {
                break;
            }
        }
    };
    tokio::join!(up, down);
}

/// Starts a proxy to `server` on 127.0.0.1; returns its address.
async fn start_proxy(server: String, real_num: String, pretend: Pretend) -> std::net::SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind the proxy");
    let addr = listener.local_addr().expect("the proxy's address");
    tokio::spawn(async move {
        while let Ok((client, _)) = listener.accept().await {
            tokio::spawn(proxy(client, server.clone(), real_num.clone(), pretend));
        }
    });
    addr
}

/// `colloquy import` of a small reading into a new group on `db`.
fn import(db: &str, dir: &std::path::Path) -> std::process::Output {
    let reading = dir.join("r.md");
    std::fs::write(&reading, crate::common::app::sample_reading(4)).expect("write a reading");
    Command::new(env!("CARGO_BIN_EXE_colloquy"))
        .arg("import")
        .arg(&reading)
        .args(["--group", "old-server", "--create", "--db", db])
        .env("COLLOQUY_SECRET_FILE", dir.join("secret"))
        .output()
        .expect("run colloquy import")
}

/// The tables in the schema a test URL's `search_path` names.
async fn tables_in(url: &str) -> i64 {
    let schema = url
        .split("options[search_path]=")
        .nth(1)
        .and_then(|s| s.split('&').next())
        .expect("a schema in the URL")
        .to_string();
    let mut conn = <sqlx::PgConnection as sqlx::Connection>::connect(url)
        .await
        .expect("connect to the test server");
    sqlx::query_scalar("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = $1")
        .bind(schema)
        .fetch_one(&mut conn)
        .await
        .expect("count the schema's tables")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_postgresql_server_older_than_12_is_refused_with_a_clear_message() {
    let dir = tempfile::tempdir().expect("temp dir");
    let fresh = || async {
        match colloquy::store::testing::TestDb::Postgres
            .fresh(dir.path())
            .await
        {
            Ok(colloquy::store::Location::Postgres(url)) => url,
            other => panic!("a schema on the test server: {other:?}"),
        }
    };
    let url = fresh().await;
    let real_num: String = {
        let mut conn = <sqlx::PgConnection as sqlx::Connection>::connect(&url)
            .await
            .expect("connect to the test server");
        sqlx::query_scalar("SHOW server_version_num")
            .fetch_one(&mut conn)
            .await
            .expect("the server's version")
    };
    // postgres://user@host:port/db?options -> the same through the proxy, with a password
    // (the server trusts local logins, so it is never checked; it must never be shown).
    let secret = "pw-that-must-not-show";
    let rest = url.split_once("://").map_or(url.as_str(), |(_, r)| r);
    let (authority, tail) = rest.split_once('/').unwrap_or((rest, ""));
    let (user, host_port) = authority
        .rsplit_once('@')
        .unwrap_or(("colloquy", authority));
    let through = |proxy: std::net::SocketAddr, url: &str| {
        let tail = url
            .split_once("://")
            .and_then(|(_, r)| r.split_once('/'))
            .map_or("", |(_, t)| t);
        format!("postgres://{user}:{secret}@{proxy}/{tail}&sslmode=disable")
    };
    let _ = tail;

    // The control: a proxy that passes the real version on is transparent, and the import
    // through it works (so the refusal below is the version check, not a broken proxy).
    let honest = start_proxy(host_port.to_string(), real_num.clone(), None).await;
    let out = import(&through(honest, &url), dir.path());
    assert!(
        out.status.success(),
        "through the transparent proxy: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        tables_in(&url).await > 10,
        "the migrations ran through the proxy"
    );

    // The same server, saying it is PostgreSQL 11.22: refused, clearly, before any write.
    let old = fresh().await;
    let pretending = start_proxy(host_port.to_string(), real_num, Some(("110022", "11.22"))).await;
    let out = import(&through(pretending, &old), dir.path());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !out.status.success(),
        "an 11.22 server was accepted: {stderr}"
    );
    assert!(
        stderr.contains("PostgreSQL 11.22") && stderr.contains("needs 12 or later"),
        "{stderr}"
    );
    assert!(
        stderr.contains(&pretending.to_string()),
        "the message names the server: {stderr}"
    );
    assert!(!stderr.contains(secret), "the password leaked: {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(
        tables_in(&old).await,
        0,
        "nothing was written to the old server"
    );
}
