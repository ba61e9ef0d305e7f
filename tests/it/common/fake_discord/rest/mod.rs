//! The REST API under /api/v10: routing, body parsing, recording, failure injection, errors.

mod app;
mod channels;
mod hooks;

use std::sync::Arc;
use std::time::Instant;

use axum::Router;
use axum::body::{Body, to_bytes};
use axum::extract::{Request as HttpRequest, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, put};
use serde_json::Value;

use super::Shared;
use super::model::ApiError;
use super::multipart;
use super::record::{Injection, Request, RequestBody, StoredFile};

const API: &str = "/api/v10";
const MAX_BODY: usize = 64 * 1024 * 1024;
const UNKNOWN_ROUTE: &str = "x-fake-discord-unknown-route";

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        (status, axum::Json(self.body())).into_response()
    }
}

pub type ApiResult = Result<Response, ApiError>;

pub fn json_ok(v: Value) -> ApiResult {
    Ok(axum::Json(v).into_response())
}

pub fn no_content() -> ApiResult {
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// A path id that must be a snowflake.
pub fn snowflake(s: &str) -> Result<u64, ApiError> {
    s.parse()
        .map_err(|_| ApiError::invalid_form(format!("Value \"{s}\" is not snowflake.")))
}

/// The JSON payload and uploaded files of a request (JSON body or multipart).
pub fn payload(body: &RequestBody) -> (Value, Vec<StoredFile>) {
    match body {
        RequestBody::Json(v) => (v.clone(), vec![]),
        RequestBody::Multipart {
            payload_json,
            files,
        } => (payload_json.clone().unwrap_or(Value::Null), files.clone()),
        _ => (Value::Null, vec![]),
    }
}

pub fn router(shared: Arc<Shared>) -> Router {
    let api = |p: &str| format!("{API}{p}");
    Router::new()
        .route(&api("/gateway"), get(app::gateway))
        .route(&api("/gateway/bot"), get(app::gateway_bot))
        .route(&api("/users/@me"), get(app::current_user))
        .route(&api("/users/@me/channels"), post(app::open_dm))
        .route(&api("/oauth2/applications/@me"), get(app::application))
        .route(
            &api("/applications/{app}/commands"),
            put(app::put_global_commands).get(app::get_global_commands),
        )
        .route(
            &api("/applications/{app}/guilds/{guild}/commands"),
            put(app::put_guild_commands).get(app::get_guild_commands),
        )
        .route(&api("/guilds/{guild}"), get(app::guild))
        .route(&api("/guilds/{guild}/members/{user}"), get(app::member))
        .route(&api("/guilds/{guild}/roles"), get(app::roles))
        .route(&api("/guilds/{guild}/channels"), get(app::guild_channels))
        .route(&api("/channels/{c}"), get(channels::get_channel))
        .route(
            &api("/channels/{c}/messages"),
            post(channels::create_message).get(channels::list_messages),
        )
        .route(
            &api("/channels/{c}/messages/{m}"),
            get(channels::get_message)
                .patch(channels::edit_message)
                .delete(channels::delete_message),
        )
        .route(
            &api("/channels/{c}/messages/{m}/threads"),
            post(channels::start_thread),
        )
        .route(
            &api("/channels/{c}/polls/{m}/expire"),
            post(channels::expire_poll),
        )
        .route(
            &api("/channels/{c}/polls/{m}/answers/{a}"),
            get(channels::poll_voters),
        )
        .route(
            &api("/interactions/{id}/{token}/callback"),
            post(hooks::callback),
        )
        .route(&api("/webhooks/{app}/{token}"), post(hooks::followup))
        .route(
            &api("/webhooks/{app}/{token}/messages/{m}"),
            get(hooks::get_message)
                .patch(hooks::edit_message)
                .delete(hooks::delete_message),
        )
        .route("/attachments/{id}/{filename}", get(app::attachment))
        .fallback(unknown_route)
        .method_not_allowed_fallback(unknown_route)
        .layer(middleware::from_fn_with_state(
            shared.clone(),
            record_and_inject,
        ))
        .with_state(shared)
}

async fn unknown_route() -> Response {
    let mut r = ApiError::new(404, 0, "404: Not Found").into_response();
    r.headers_mut()
        .insert(UNKNOWN_ROUTE, HeaderValue::from_static("1"));
    r
}

fn parse_body(content_type: &str, bytes: &[u8]) -> Result<RequestBody, ApiError> {
    if bytes.is_empty() {
        return Ok(RequestBody::Empty);
    }
    if let Some(boundary) = multipart::boundary(content_type) {
        let parts = multipart::parse(bytes, &boundary)
            .map_err(|e| ApiError::new(400, 50035, format!("Invalid multipart body: {e}")))?;
        let mut payload_json = None;
        let mut files = vec![];
        for p in parts {
            if p.name == "payload_json" {
                let v = serde_json::from_slice(&p.bytes).map_err(|_| {
                    ApiError::new(400, 50109, "The request body contains invalid JSON.")
                })?;
                payload_json = Some(v);
            } else if p.filename.is_some() || p.name.starts_with("files[") {
                files.push(StoredFile {
                    field: p.name,
                    filename: p.filename.unwrap_or_default(),
                    content_type: p.content_type,
                    bytes: p.bytes,
                });
            }
        }
        return Ok(RequestBody::Multipart {
            payload_json,
            files,
        });
    }
    if content_type.starts_with("application/json") {
        return serde_json::from_slice(bytes)
            .map(RequestBody::Json)
            .map_err(|_| ApiError::new(400, 50109, "The request body contains invalid JSON."));
    }
    Ok(RequestBody::Other(bytes.to_vec()))
}

/// Parses the body, applies injected failures or delays, runs the handler and records the exchange.
async fn record_and_inject(
    State(shared): State<Arc<Shared>>,
    req: HttpRequest,
    next: Next,
) -> Response {
    let at = Instant::now();
    let method = req.method().to_string();
    let full_path = req.uri().path().to_string();
    let path = full_path
        .strip_prefix(API)
        .unwrap_or(&full_path)
        .to_string();
    let query = req.uri().query().map(str::to_string);
    let content_type = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    let (parts, body) = req.into_parts();
    let parsed = match to_bytes(body, MAX_BODY).await {
        Ok(bytes) => parse_body(&content_type, &bytes).map(|b| (b, bytes)),
        Err(_) => Err(ApiError::new(413, 40005, "Request entity too large")),
    };
    let injection = {
        let mut st = shared.lock();
        let rule = st.rules.iter_mut().find(|r| r.matches(&method, &path));
        rule.map(|r| {
            r.remaining -= 1;
            r.injection
        })
    };
    if let (Ok((body, _)), Some(Injection::Stall)) = (&parsed, injection) {
        shared.lock().requests.push(Request {
            method,
            path,
            query,
            body: body.clone(),
            status: 0,
            at,
        });
        shared.changed.notify_waiters();
        return std::future::pending().await;
    }
    let (body, response) = match (parsed, injection) {
        (Err(e), _) => (RequestBody::Empty, e.into_response()),
        (Ok((body, _)), Some(Injection::Fail(status))) => {
            let e = ApiError::new(status, 0, format!("{status}: injected failure"));
            (body, e.into_response())
        }
        (Ok((body, bytes)), injection) => {
            if let Some(Injection::Delay(d)) = injection {
                tokio::time::sleep(d).await;
            }
            let mut req = HttpRequest::from_parts(parts, Body::from(bytes));
            req.extensions_mut().insert(body.clone());
            (body, next.run(req).await)
        }
    };
    let unknown = response.headers().contains_key(UNKNOWN_ROUTE);
    let record = Request {
        method,
        path,
        query,
        body,
        status: response.status().as_u16(),
        at,
    };
    {
        let mut st = shared.lock();
        if unknown {
            st.unknown_routes.push(record.clone());
        }
        st.requests.push(record);
    }
    shared.changed.notify_waiters();
    response
}
