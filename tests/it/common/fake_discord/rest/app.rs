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

/// The locales Discord takes in `name_localizations` and `description_localizations`.
const DISCORD_LOCALES: &[&str] = &[
    "id", "da", "de", "en-GB", "en-US", "es-ES", "es-419", "fr", "hr", "it", "lt", "hu", "nl",
    "no", "pl", "pt-BR", "ro", "fi", "sv-SE", "vi", "tr", "cs", "el", "bg", "ru", "uk", "hi", "th",
    "zh-CN", "ja", "zh-TW", "ko",
];

/// Discord's rule for a chat-input command or option name:
/// `^[-_\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$`, lowercase where the letter has a case.
fn name_ok(name: &str) -> bool {
    (1..=32).contains(&name.chars().count())
        && name
            .chars()
            .all(|c| c == '-' || c == '_' || c.is_alphanumeric())
        && name.to_lowercase() == name
}

/// Checks a command or option as Discord does (names, descriptions, localizations, nested
/// options and choices); the first problem, as Discord's form error would name it.
fn check_command(c: &Value, at: &str) -> Result<(), String> {
    let name = c["name"].as_str().unwrap_or_default();
    if !name_ok(name) {
        return Err(format!("{at}.name: invalid name {name:?}"));
    }
    let description = c["description"].as_str().unwrap_or_default();
    if description.chars().count() > 100 {
        return Err(format!("{at}.description: longer than 100"));
    }
    for (field, is_name) in [
        ("name_localizations", true),
        ("description_localizations", false),
    ] {
        let Some(map) = c[field].as_object() else {
            if !c[field].is_null() {
                return Err(format!("{at}.{field}: not an object"));
            }
            continue;
        };
        for (locale, text) in map {
            if !DISCORD_LOCALES.contains(&locale.as_str()) {
                return Err(format!("{at}.{field}: unknown locale {locale}"));
            }
            let text = text.as_str().unwrap_or_default();
            let ok = if is_name {
                name_ok(text)
            } else {
                (1..=100).contains(&text.chars().count())
            };
            if !ok {
                return Err(format!("{at}.{field}.{locale}: invalid {text:?}"));
            }
        }
    }
    if let Some(options) = c["options"].as_array() {
        if options.len() > 25 {
            return Err(format!("{at}.options: more than 25"));
        }
        let mut seen = std::collections::HashSet::new();
        for (i, o) in options.iter().enumerate() {
            check_command(o, &format!("{at}.options.{i}"))?;
            if !seen.insert(o["name"].as_str().unwrap_or_default().to_string()) {
                return Err(format!("{at}.options.{i}.name: duplicate"));
            }
        }
    }
    if let Some(choices) = c["choices"].as_array() {
        for (i, ch) in choices.iter().enumerate() {
            let n = ch["name"].as_str().unwrap_or_default().chars().count();
            if !(1..=100).contains(&n) {
                return Err(format!("{at}.choices.{i}.name: 1 to 100 characters"));
            }
            if let Some(map) = ch["name_localizations"].as_object() {
                for (locale, text) in map {
                    let n = text.as_str().unwrap_or_default().chars().count();
                    if !DISCORD_LOCALES.contains(&locale.as_str()) || !(1..=100).contains(&n) {
                        return Err(format!("{at}.choices.{i}.name_localizations.{locale}"));
                    }
                }
            }
        }
    }
    Ok(())
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
        if c["type"].is_null() || c["type"] == 1 {
            check_command(&c, "commands").map_err(|e| ApiError::invalid_form(&e))?;
        }
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
