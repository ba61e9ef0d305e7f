//! What the fake records about each REST request, and the failure-injection rules.

use std::time::{Duration, Instant};

use serde_json::Value;

/// A file the bot uploaded (a `files[n]` multipart part) or the test registered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredFile {
    /// The multipart field name (`files[0]`), empty for files the test registered.
    pub field: String,
    pub filename: String,
    pub content_type: Option<String>,
    pub bytes: Vec<u8>,
}

impl StoredFile {
    /// True if the bytes start with the PNG signature.
    pub fn is_png(&self) -> bool {
        self.bytes.starts_with(b"\x89PNG\r\n\x1a\n")
    }
}

/// The body of a recorded request.
#[derive(Debug, Clone, PartialEq)]
pub enum RequestBody {
    Empty,
    Json(Value),
    /// `payload_json` (parsed) and the file parts.
    Multipart {
        payload_json: Option<Value>,
        files: Vec<StoredFile>,
    },
    /// Anything else, kept raw.
    Other(Vec<u8>),
}

/// One request the fake received.
#[derive(Debug, Clone)]
pub struct Request {
    pub method: String,
    /// The path without the `/api/v10` prefix, e.g. `/channels/123/messages`; attachment
    /// downloads keep their own path (`/attachments/...`).
    pub path: String,
    /// The raw query string (serenity writes `?&after=1&limit=50`).
    pub query: Option<String>,
    pub body: RequestBody,
    /// The status the fake answered.
    pub status: u16,
    pub at: Instant,
}

impl Request {
    /// The JSON payload: the JSON body or a multipart `payload_json`.
    pub fn json(&self) -> Option<&Value> {
        match &self.body {
            RequestBody::Json(v) => Some(v),
            RequestBody::Multipart { payload_json, .. } => payload_json.as_ref(),
            _ => None,
        }
    }

    /// The uploaded files of a multipart request.
    pub fn files(&self) -> &[StoredFile] {
        match &self.body {
            RequestBody::Multipart { files, .. } => files,
            _ => &[],
        }
    }

    /// A query parameter, e.g. `limit`.
    pub fn query_param(&self, key: &str) -> Option<String> {
        query_param(self.query.as_deref(), key)
    }

    pub fn is(&self, method: &str, path_prefix: &str) -> bool {
        self.method.eq_ignore_ascii_case(method)
            && self.path.starts_with(&normalize_prefix(path_prefix))
    }
}

/// Accepts prefixes with or without `/api/v10`.
pub fn normalize_prefix(prefix: &str) -> String {
    prefix
        .strip_prefix("/api/v10")
        .unwrap_or(prefix)
        .to_string()
}

pub fn query_param(query: Option<&str>, key: &str) -> Option<String> {
    query?.split('&').find_map(|pair| {
        let (k, v) = pair.split_once('=')?;
        (k == key).then(|| v.to_string())
    })
}

/// What to do to a matching request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Injection {
    /// Answer with this status and a Discord-style error body.
    Fail(u16),
    /// Wait this long, then handle the request normally.
    Delay(Duration),
    /// Never answer and never act on it (recorded at once with status 0): a request lost
    /// on the way, whose sender waits until it gives up or dies.
    Stall,
}

#[derive(Debug, Clone)]
pub struct Rule {
    pub method: String,
    pub path_prefix: String,
    pub injection: Injection,
    pub remaining: usize,
}

impl Rule {
    pub fn matches(&self, method: &str, path: &str) -> bool {
        self.remaining > 0
            && self.method.eq_ignore_ascii_case(method)
            && path.starts_with(&self.path_prefix)
    }
}
