//! REST routes about the application and the guild: gateway URL, current user and application,
//! command registration, guild/member/role/channel reads, attachment downloads.

use std::sync::Arc;

use axum::Extension;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::IntoResponse;
use serde_json::{Value, json};

use super::super::Shared;
use super::super::ids::Identities;
use super::super::model::ApiError;
use super::super::record::RequestBody;
use super::super::templates::{
    application_json, current_user_json, member_json, partial_guild_json, roles_json,
};
use super::{ApiResult, json_ok, payload, snowflake};

pub async fn gateway(State(s): State<Arc<Shared>>) -> ApiResult {
    json_ok(json!({"url": s.ws_url}))
}

pub async fn gateway_bot(State(s): State<Arc<Shared>>) -> ApiResult {
    json_ok(json!({
        "url": s.ws_url,
        "shards": s.recommended_shards,
        "session_start_limit": {"total": 1000, "remaining": 999, "reset_after": 0, "max_concurrency": 1},
    }))
}

pub async fn current_user(State(s): State<Arc<Shared>>) -> ApiResult {
    json_ok(current_user_json(&s.lock().ids))
}

/// POST /users/@me/channels with `{"recipient_id"}`: the DM channel with that user.
pub async fn open_dm(
    State(s): State<Arc<Shared>>,
    Extension(body): Extension<RequestBody>,
) -> ApiResult {
    let (p, _) = payload(&body);
    let recipient = match &p["recipient_id"] {
        Value::String(id) => snowflake(id)?,
        Value::Number(n) => n
            .as_u64()
            .ok_or_else(|| ApiError::invalid_form("recipient_id: not a snowflake"))?,
        _ => {
            return Err(ApiError::invalid_form(
                "recipient_id: This field is required",
            ));
        }
    };
    json_ok(s.lock().open_dm(recipient)?)
}

pub async fn application(State(s): State<Arc<Shared>>) -> ApiResult {
    json_ok(application_json(&s.lock().ids))
}

fn check_app(s: &Shared, app: &str) -> Result<(), ApiError> {
    if snowflake(app)? == s.lock().ids.application_id {
        Ok(())
    } else {
        Err(ApiError::new(403, 50001, "Missing Access"))
    }
}

/// The guild's identities, or Discord's answer for a guild the bot is not in.
fn check_guild(s: &Shared, guild: &str) -> Result<Identities, ApiError> {
    let id = snowflake(guild)?;
    s.lock()
        .guild(id)
        .ok_or_else(|| ApiError::new(404, 10004, "Unknown Guild"))
}

/// Bulk overwrite: gives each command an id (kept for a name that already had one) and a version.
fn store_commands(s: &Shared, body: &RequestBody, guild: bool) -> Result<Value, ApiError> {
    let (list, _) = payload(body);
    let Some(list) = list.as_array().cloned() else {
        return Err(ApiError::invalid_form("body must be an array of commands"));
    };
    let mut st = s.lock();
    let old = if guild {
        st.guild_commands.clone()
    } else {
        st.global_commands.clone()
    };
    let mut stored = vec![];
    for c in list {
        let Some(name) = c["name"].as_str().filter(|n| !n.is_empty()) else {
            return Err(ApiError::invalid_form("name: This field is required"));
        };
        let id = old
            .iter()
            .find(|o| o["name"] == name && o["type"] == c["type"])
            .and_then(|o| o["id"].as_str().and_then(|i| i.parse().ok()))
            .unwrap_or_else(|| st.snowflakes.next());
        let mut c = c.clone();
        c["id"] = json!(id.to_string());
        c["application_id"] = json!(st.ids.application_id.to_string());
        c["version"] = json!(st.snowflakes.next().to_string());
        if c["type"].is_null() {
            c["type"] = json!(1);
        }
        if c["description"].is_null() {
            c["description"] = json!("");
        }
        if guild {
            c["guild_id"] = json!(st.ids.guild_id.to_string());
        }
        stored.push(c);
    }
    if guild {
        st.guild_commands = stored.clone();
    } else {
        st.global_commands = stored.clone();
    }
    Ok(json!(stored))
}

pub async fn put_global_commands(
    State(s): State<Arc<Shared>>,
    Path(app): Path<String>,
    Extension(body): Extension<RequestBody>,
) -> ApiResult {
    check_app(&s, &app)?;
    json_ok(store_commands(&s, &body, false)?)
}

pub async fn get_global_commands(
    State(s): State<Arc<Shared>>,
    Path(app): Path<String>,
) -> ApiResult {
    check_app(&s, &app)?;
    json_ok(json!(s.lock().global_commands))
}

pub async fn put_guild_commands(
    State(s): State<Arc<Shared>>,
    Path((app, guild)): Path<(String, String)>,
    Extension(body): Extension<RequestBody>,
) -> ApiResult {
    check_app(&s, &app)?;
    check_guild(&s, &guild)?;
    json_ok(store_commands(&s, &body, true)?)
}

pub async fn get_guild_commands(
    State(s): State<Arc<Shared>>,
    Path((app, guild)): Path<(String, String)>,
) -> ApiResult {
    check_app(&s, &app)?;
    check_guild(&s, &guild)?;
    json_ok(json!(s.lock().guild_commands))
}

pub async fn guild(State(s): State<Arc<Shared>>, Path(guild): Path<String>) -> ApiResult {
    let g = check_guild(&s, &guild)?;
    json_ok(partial_guild_json(&g))
}

pub async fn member(
    State(s): State<Arc<Shared>>,
    Path((guild, user)): Path<(String, String)>,
) -> ApiResult {
    let g = check_guild(&s, &guild)?;
    let user = snowflake(&user)?;
    let st = s.lock();
    let p = st
        .members
        .get(&user)
        .ok_or_else(|| ApiError::new(404, 10007, "Unknown Member"))?;
    json_ok(member_json(p, g.guild_id))
}

pub async fn roles(State(s): State<Arc<Shared>>, Path(guild): Path<String>) -> ApiResult {
    let g = check_guild(&s, &guild)?;
    json_ok(roles_json(&g))
}

pub async fn guild_channels(State(s): State<Arc<Shared>>, Path(guild): Path<String>) -> ApiResult {
    let g = check_guild(&s, &guild)?;
    let st = s.lock();
    json_ok(json!(
        st.channels
            .values()
            .filter(
                |c| c["type"] == 0 && super::super::model::id_of(c, "guild_id") == Some(g.guild_id)
            )
            .cloned()
            .collect::<Vec<_>>()
    ))
}

pub async fn attachment(
    State(s): State<Arc<Shared>>,
    Path((id, filename)): Path<(String, String)>,
) -> ApiResult {
    let id = snowflake(&id)?;
    let st = s.lock();
    let file = st
        .attachments
        .get(&id)
        .filter(|f| f.filename == filename)
        .ok_or_else(|| ApiError::new(404, 0, "404: Not Found"))?;
    let content_type = file
        .content_type
        .clone()
        .unwrap_or_else(|| "application/octet-stream".into());
    Ok(([(header::CONTENT_TYPE, content_type)], file.bytes.clone()).into_response())
}
