//! REST routes on channels: messages (create, list, get, edit, delete), threads, polls.

use std::sync::Arc;

use axum::Extension;
use axum::extract::{Path, RawQuery, State};
use serde_json::Value;

use super::super::Shared;
use super::super::model::ApiError;
use super::super::record::{RequestBody, query_param};
use super::{ApiResult, json_ok, no_content, payload, snowflake};

fn opt_snowflake(query: Option<&str>, key: &str) -> Result<Option<u64>, ApiError> {
    query_param(query, key).map(|v| snowflake(&v)).transpose()
}

fn limit(query: Option<&str>, default: usize, max: usize) -> Result<usize, ApiError> {
    match query_param(query, "limit") {
        None => Ok(default),
        Some(v) => match v.parse::<usize>() {
            Ok(n) if (1..=max).contains(&n) => Ok(n),
            _ => Err(ApiError::invalid_form(format!(
                "limit: must be between 1 and {max}"
            ))),
        },
    }
}

pub async fn get_channel(State(s): State<Arc<Shared>>, Path(c): Path<String>) -> ApiResult {
    let c = snowflake(&c)?;
    json_ok(s.lock().channel(c)?.clone())
}

pub async fn create_message(
    State(s): State<Arc<Shared>>,
    Path(c): Path<String>,
    Extension(body): Extension<RequestBody>,
) -> ApiResult {
    let c = snowflake(&c)?;
    let (p, files) = payload(&body);
    let (json, effects) = s.lock().bot_post(c, &p, &files)?;
    s.apply(effects);
    json_ok(json)
}

pub async fn list_messages(
    State(s): State<Arc<Shared>>,
    Path(c): Path<String>,
    RawQuery(q): RawQuery,
) -> ApiResult {
    let c = snowflake(&c)?;
    let q = q.as_deref();
    let (before, after, around) = (
        opt_snowflake(q, "before")?,
        opt_snowflake(q, "after")?,
        opt_snowflake(q, "around")?,
    );
    let limit = limit(q, 50, 100)?;
    json_ok(s.lock().list_messages(c, before, after, around, limit)?)
}

pub async fn get_message(
    State(s): State<Arc<Shared>>,
    Path((c, m)): Path<(String, String)>,
) -> ApiResult {
    let (c, m) = (snowflake(&c)?, snowflake(&m)?);
    json_ok(s.lock().message(c, m)?.json.clone())
}

pub async fn edit_message(
    State(s): State<Arc<Shared>>,
    Path((c, m)): Path<(String, String)>,
    Extension(body): Extension<RequestBody>,
) -> ApiResult {
    let (c, m) = (snowflake(&c)?, snowflake(&m)?);
    let (p, files) = payload(&body);
    let (json, effects) = {
        let mut st = s.lock();
        let author = st.message(c, m)?.json["author"]["id"].clone();
        if author != Value::String(st.ids.bot_user_id.to_string()) {
            return Err(ApiError::new(
                403,
                50005,
                "Cannot edit a message authored by another user",
            ));
        }
        st.edit_message(m, &p, &files)?
    };
    s.apply(effects);
    json_ok(json)
}

pub async fn delete_message(
    State(s): State<Arc<Shared>>,
    Path((c, m)): Path<(String, String)>,
) -> ApiResult {
    let (c, m) = (snowflake(&c)?, snowflake(&m)?);
    let effects = {
        let mut st = s.lock();
        st.message(c, m)?;
        st.delete_message(c, m)?
    };
    s.apply(effects);
    no_content()
}

pub async fn start_thread(
    State(s): State<Arc<Shared>>,
    Path((c, m)): Path<(String, String)>,
    Extension(body): Extension<RequestBody>,
) -> ApiResult {
    let (c, m) = (snowflake(&c)?, snowflake(&m)?);
    let (p, _) = payload(&body);
    let (json, effects) = s.lock().start_thread(c, m, &p)?;
    s.apply(effects);
    json_ok(json)
}

pub async fn expire_poll(
    State(s): State<Arc<Shared>>,
    Path((c, m)): Path<(String, String)>,
) -> ApiResult {
    let (c, m) = (snowflake(&c)?, snowflake(&m)?);
    let (json, effects) = s.lock().expire_poll(c, m)?;
    s.apply(effects);
    json_ok(json)
}

pub async fn poll_voters(
    State(s): State<Arc<Shared>>,
    Path((c, m, a)): Path<(String, String, String)>,
    RawQuery(q): RawQuery,
) -> ApiResult {
    let (c, m, a) = (snowflake(&c)?, snowflake(&m)?, snowflake(&a)?);
    let after = opt_snowflake(q.as_deref(), "after")?;
    let limit = limit(q.as_deref(), 25, 100)?;
    json_ok(s.lock().voters(c, m, a, after, limit)?)
}
