//! The archive in a real browser: Debian's headless Chromium opens the seeded group's
//! site and the test reads what a reader would see. Every request the browser makes goes
//! through a recording proxy on 127.0.0.1 that also serves the site, so a request for
//! anything else is seen (and refused). Screenshots of a session page, a reading map and a
//! poll, light and dark, land in `target/archive-browser/`.
//!
//! Chromium is installed by `scripts/chromium.sh ensure` (scripts/test runs it); without
//! it this test fails and says so, it never skips.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};

use crate::archive::{DISCUSSED, seeded_day};

/// Where the browser is: $COLLOQUY_CHROMIUM, else Debian's /usr/bin/chromium.
fn chromium() -> PathBuf {
    let path = std::env::var_os("COLLOQUY_CHROMIUM")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/usr/bin/chromium"));
    assert!(
        path.is_file(),
        "Chromium is missing at {}: the archive's browser test needs Debian's chromium. Install it with `scripts/chromium.sh ensure` (scripts/test does this), or set COLLOQUY_CHROMIUM to a Chromium binary.",
        path.display()
    );
    path
}

/// The target folder, where the test leaves its screenshots.
fn artifacts() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .map(|t| t.join("archive-browser"))
        .unwrap_or_else(|| PathBuf::from("target/archive-browser"));
    std::fs::create_dir_all(&dir).expect("the artifacts folder");
    dir
}

/// Requests the proxy saw: (request line, status it answered).
type Log = Arc<Mutex<Vec<(String, u16)>>>;

/// A proxy on 127.0.0.1 that serves `root` as http://<its own address>/ and refuses
/// (and records) anything else.
fn serve(root: PathBuf) -> (String, Log) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
    let addr = listener.local_addr().expect("address").to_string();
    let log: Log = Arc::default();
    let (own, seen) = (addr.clone(), log.clone());
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let (root, own, seen) = (root.clone(), own.clone(), seen.clone());
            std::thread::spawn(move || answer(stream, &root, &own, &seen));
        }
    });
    (addr, log)
}

/// Answer one request (the connection is closed after it).
fn answer(mut stream: TcpStream, root: &Path, own: &str, log: &Log) {
    let Ok(clone) = stream.try_clone() else {
        return;
    };
    let mut reader = BufReader::new(clone);
    let mut line = String::new();
    if reader.read_line(&mut line).unwrap_or(0) == 0 {
        return;
    }
    let line = line.trim_end().to_string();
    // Headers, up to the blank line.
    loop {
        let mut h = String::new();
        if reader.read_line(&mut h).unwrap_or(0) == 0 || h.trim().is_empty() {
            break;
        }
    }
    let mut parts = line.split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
    let prefix = format!("http://{own}/");
    let file = target
        .strip_prefix(&prefix)
        .or_else(|| target.strip_prefix('/'))
        .map(|p| p.split(['?', '#']).next().unwrap_or(""))
        .map(|p| if p.is_empty() { "index.html" } else { p });
    let body = match (method, file) {
        ("GET", Some(f)) if !f.contains("..") => std::fs::read(root.join(f)).ok(),
        _ => None,
    };
    let (status, body) = match body {
        Some(b) => (200, b),
        None => (404, b"not here".to_vec()),
    };
    log.lock().expect("log").push((line.clone(), status));
    let kind = match file.and_then(|f| f.rsplit('.').next()) {
        Some("html") => "text/html; charset=utf-8",
        Some("css") => "text/css",
        Some("js") => "text/javascript",
        Some("png") => "image/png",
        Some("svg") => "image/svg+xml",
        _ => "text/plain",
    };
    let head = format!(
        "HTTP/1.1 {status} {}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        if status == 200 { "OK" } else { "Not Found" },
        body.len()
    );
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(&body);
}

/// What one browser run gave: the page's DOM (for --dump-dom) and the console's lines.
struct Run {
    dom: String,
    console: Vec<String>,
}

/// Open `url` in headless Chromium through the proxy at `proxy`, with `extra` flags.
fn browse(proxy: &str, url: &str, extra: &[String]) -> Run {
    let profile = tempfile::tempdir().expect("a profile folder");
    let mut cmd = Command::new(chromium());
    cmd.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-extensions",
        "--disable-default-apps",
        "--hide-scrollbars",
        // Chromium's own requests (network time, search preconnects, the account and Google
        // services it reaches for at start) off or pointed at a closed local port, so that
        // any request the proxy sees for another host came from a page.
        "--disable-features=NetworkTimeServiceQuerying,PreconnectToSearch,OptimizationHints,MediaRouter,Translate",
        "--disable-field-trial-config",
        "--disable-search-engine-choice-screen",
        "--no-service-autorun",
        "--password-store=basic",
        "--gaia-url=http://127.0.0.1:9",
        "--google-base-url=http://127.0.0.1:9",
        "--no-pings",
        "--enable-logging=stderr",
        "--v=0",
    ])
    .arg(format!("--user-data-dir={}", profile.path().display()))
    // Every request, loopback included, goes through the recording proxy.
    .arg(format!("--proxy-server=http://{proxy}"))
    .arg("--proxy-bypass-list=<-loopback>")
    .args(extra)
    .arg(url)
    .stdin(Stdio::null())
    .stdout(Stdio::piped())
    .stderr(Stdio::piped());
    let out = cmd.output().expect("run chromium");
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(
        out.status.success(),
        "chromium failed on {url}: {}\n{stderr}",
        out.status
    );
    Run {
        dom: String::from_utf8_lossy(&out.stdout).to_string(),
        console: stderr
            .lines()
            .filter(|l| l.contains(":CONSOLE"))
            .map(str::to_string)
            .collect(),
    }
}

fn dump(proxy: &str, url: &str) -> Run {
    browse(proxy, url, &["--dump-dom".to_string()])
}

fn screenshot(proxy: &str, url: &str, file: &Path, height: u32, dark: bool) {
    let mut flags = vec![
        format!("--screenshot={}", file.display()),
        format!("--window-size=1000,{height}"),
    ];
    if dark {
        flags.push("--force-dark-mode".into());
    }
    browse(proxy, url, &flags);
    let png = std::fs::read(file).expect("the screenshot was written");
    assert!(png.starts_with(b"\x89PNG"), "{} is a PNG", file.display());
}

/// The text inside the element that starts at `at` (up to its matching close, roughly:
/// to the first `</tag>`).
fn element_at<'a>(dom: &'a str, needle: &str, tag: &str) -> &'a str {
    let at = dom
        .find(needle)
        .unwrap_or_else(|| panic!("{needle} is not on the page"));
    let start = dom[..at].rfind(&format!("<{tag}")).unwrap_or(at);
    let end = dom[at..]
        .find(&format!("</{tag}>"))
        .map(|e| at + e)
        .unwrap_or(dom.len());
    &dom[start..end]
}

#[tokio::test]
async fn the_archive_reads_well_in_a_real_browser() {
    let browser = chromium();
    let d = seeded_day(colloquy::store::testing::TestDb::Sqlite).await;
    let out = artifacts();
    let site_dir = out.join("site");
    let _ = std::fs::remove_dir_all(&site_dir);
    d.app
        .engine
        .publish_archive(&d.group, &site_dir, false)
        .await
        .expect("the archive is written");
    let (proxy, log) = serve(site_dir.clone());
    let base = format!("http://{proxy}");
    let session = format!("session-{}.html", d.session_id);
    println!("browser: {}", browser.display());

    // Every page renders without a console message (no script error, no policy violation).
    let mut pages: Vec<String> = std::fs::read_dir(&site_dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().to_string())
        .filter(|n| n.ends_with(".html"))
        .collect();
    pages.sort();
    let mut doms: BTreeMap<String, String> = BTreeMap::new();
    for p in &pages {
        let run = dump(&proxy, &format!("{base}/{p}"));
        assert!(run.console.is_empty(), "{p}: {:?}", run.console);
        assert!(run.dom.contains("</main>"), "{p} rendered: {}", run.dom);
        doms.insert(p.clone(), run.dom);
    }

    // Search finds a given reply (the script runs; the query is in the address).
    let run = dump(&proxy, &format!("{base}/search.html#q=heart%20of%20it"));
    assert!(run.console.is_empty(), "{:?}", run.console);
    let results = element_at(&run.dom, "id=\"results\"", "ol");
    assert!(
        results.contains(&format!("href=\"{session}#r")) && results.contains("ana in "),
        "search shows ana's reply: {results}"
    );
    assert!(results.contains("<mark>heart</mark>"), "{results}");
    assert!(
        run.dom.contains("1 result for “heart of it”"),
        "{}",
        run.dom
    );
    let none = dump(&proxy, &format!("{base}/search.html?q=xylophone"));
    assert!(
        none.dom.contains("Nothing found for “xylophone”"),
        "{}",
        none.dom
    );

    // The reading map marks the sentence the replies discussed.
    let reading = &doms["reading-1.html"];
    let sentence = element_at(reading, DISCUSSED, "span");
    assert!(
        sentence.contains("heat4") && sentence.contains(" most"),
        "{sentence}"
    );
    assert!(reading.contains("The passage that drew most discussion"));

    // A hostile reply stays text: no element came of it, and its words are on the page.
    let page = &doms[&session];
    for bad in ["<img src=\"x\"", "<svg", "onerror=\"", "<textarea"] {
        assert!(!page.contains(bad), "{bad} became markup");
    }
    assert!(
        !page.contains("<script"),
        "the session page runs no script at all"
    );
    assert!(page.contains("&lt;script&gt;document.title='pwned'&lt;/script&gt; ledgers are fine"));
    assert!(page.contains("<title>") && !page.contains("<title>pwned"));

    // The site opens from disk too, search included.
    let file_url = format!(
        "file://{}/search.html#q=heart%20of%20it",
        site_dir.display()
    );
    let from_disk = dump(&proxy, &file_url);
    assert!(from_disk.console.is_empty(), "{:?}", from_disk.console);
    assert!(from_disk.dom.contains("1 result for"), "{}", from_disk.dom);

    // Screenshots, light and dark.
    let shots = [
        (session.as_str(), "session", 4200),
        ("reading-1.html", "reading-map", 2200),
        ("index.html", "group", 1400),
    ];
    for (page, name, height) in shots {
        for dark in [false, true] {
            let file = out.join(format!(
                "{name}-{}.png",
                if dark { "dark" } else { "light" }
            ));
            screenshot(&proxy, &format!("{base}/{page}"), &file, height, dark);
            println!("screenshot: {}", file.display());
        }
    }
    let poll = std::fs::read_dir(&site_dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|x| x == "png"))
        .expect("a poll chart");
    std::fs::copy(&poll, out.join("poll.png")).unwrap();
    println!("poll chart: {}", out.join("poll.png").display());

    // The proxy does see a page's request for another host: a page of the test's own,
    // without the archive's policy, that asks for an image elsewhere.
    let control = tempfile::tempdir().unwrap();
    std::fs::write(
        control.path().join("index.html"),
        "<!DOCTYPE html><title>control</title><img src=\"http://198.51.100.7/pixel.png\" alt=\"\">",
    )
    .unwrap();
    let (control_proxy, control_log) = serve(control.path().to_path_buf());
    dump(
        &control_proxy,
        &format!("http://{control_proxy}/index.html"),
    );
    let seen = control_log.lock().unwrap().clone();
    assert!(
        seen.iter().any(|(l, _)| l.contains("198.51.100.7")),
        "the proxy missed a page's request for another host: {seen:?}"
    );

    // No request left 127.0.0.1, and every request the pages made was for a file of the site.
    let log = log.lock().unwrap().clone();
    assert!(!log.is_empty(), "the browser went through the proxy");
    for (line, status) in &log {
        assert!(
            line.contains(&format!("http://{proxy}/")),
            "a request for another host: {line}\n(all requests: {log:#?})"
        );
        assert_eq!(*status, 200, "{line}");
    }
    println!("{} requests, all to {proxy}", log.len());
}

/// A Russian group's archive in the browser: the search script speaks Russian too (its
/// status line, with the plural form Russian takes, and the names of results), and no
/// page a reader opens shows a word of English.
#[tokio::test]
async fn a_russian_archive_reads_in_russian_in_a_real_browser() {
    use crate::archive::{ARCHIVE_ALLOWED, archive_day_in, latin_words, page_words};
    chromium();
    let app = crate::common::app::TestApp::at(
        crate::common::app::monday(8, 0),
        colloquy::store::testing::TestDb::Sqlite,
    )
    .await;
    let group = archive_day_in(
        &app,
        "ru",
        crate::i18n::RUSSIAN_READING,
        &[
            "Предсказуемость делает доверие дешёвым, и суды это знают.",
            "Сомневаюсь, что предсказуемость судов сама создаёт доверие.",
            "Критики правы: доверие растёт медленно.",
            "Поспешное замечание, которое я удалю.",
        ],
        "Предсказуемые суды создают доверие",
    )
    .await;
    let site_dir = tempfile::tempdir().unwrap();
    app.engine
        .publish_archive(&group, site_dir.path(), false)
        .await
        .expect("the archive is written");
    let (proxy, _log) = serve(site_dir.path().to_path_buf());
    let base = format!("http://{proxy}");
    // "предсказуемость" is in two replies: «найдено 2 результата» (the `few` form).
    let run = dump(
        &proxy,
        &format!(
            "{base}/search.html#q=%D0%BF%D1%80%D0%B5%D0%B4%D1%81%D0%BA%D0%B0%D0%B7%D1%83%D0%B5%D0%BC%D0%BE%D1%81%D1%82%D1%8C"
        ),
    );
    assert!(run.console.is_empty(), "{:?}", run.console);
    assert!(
        run.dom
            .contains("По запросу «предсказуемость» найдено 2 результата."),
        "{}",
        run.dom
    );
    let results = element_at(&run.dom, "id=\"results\"", "ol");
    assert!(
        results.contains("ana в «") && results.contains("Ответ"),
        "{results}"
    );
    let none = dump(&proxy, &format!("{base}/search.html?q=xylophone"));
    assert!(
        none.dom
            .contains("По запросу «xylophone» ничего не найдено."),
        "{}",
        none.dom
    );
    let empty = dump(&proxy, &format!("{base}/search.html"));
    for (name, dom) in [("search", &empty.dom), ("found", &run.dom)] {
        let english = latin_words(&page_words(dom), ARCHIVE_ALLOWED);
        assert!(
            english.is_empty(),
            "English on the {name} page: {english:?}\n{dom}"
        );
    }
    let index = dump(&proxy, &format!("{base}/index.html"));
    assert!(index.dom.contains("<html lang=\"ru\">"), "{}", index.dom);
    let english = latin_words(&page_words(&index.dom), ARCHIVE_ALLOWED);
    assert!(english.is_empty(), "English on the group page: {english:?}");
}
