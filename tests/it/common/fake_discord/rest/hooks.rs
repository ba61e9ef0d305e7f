//! REST routes that answer interactions: the callback and the interaction webhook messages.

use std::sync::Arc;

use axum::Extension;
use axum::extract::{Path, State};

use super::super::Shared;
use super::super::record::RequestBody;
use super::{ApiResult, json_ok, no_content, payload, snowflake};

pub async fn callback(
    State(s): State<Arc<Shared>>,
    Path((id, token)): Path<(String, String)>,
    Extension(body): Extension<RequestBody>,
) -> ApiResult {
    let id = snowflake(&id)?;
    let (p, files) = payload(&body);
    let effects = s.lock().interaction_callback(id, &token, &p, &files)?;
    s.apply(effects);
    no_content()
}

pub async fn followup(
    State(s): State<Arc<Shared>>,
    Path((app, token)): Path<(String, String)>,
    Extension(body): Extension<RequestBody>,
) -> ApiResult {
    let app = snowflake(&app)?;
    let (p, files) = payload(&body);
    let (json, effects) = s.lock().webhook_followup(app, &token, &p, &files)?;
    s.apply(effects);
    json_ok(json)
}

pub async fn get_message(
    State(s): State<Arc<Shared>>,
    Path((app, token, m)): Path<(String, String, String)>,
) -> ApiResult {
    let app = snowflake(&app)?;
    json_ok(s.lock().webhook_get(app, &token, &m)?)
}

pub async fn edit_message(
    State(s): State<Arc<Shared>>,
    Path((app, token, m)): Path<(String, String, String)>,
    Extension(body): Extension<RequestBody>,
) -> ApiResult {
    let app = snowflake(&app)?;
    let (p, files) = payload(&body);
    let (json, effects) = s.lock().webhook_edit(app, &token, &m, &p, &files)?;
    s.apply(effects);
    json_ok(json)
}

pub async fn delete_message(
    State(s): State<Arc<Shared>>,
    Path((app, token, m)): Path<(String, String, String)>,
) -> ApiResult {
    let app = snowflake(&app)?;
    let effects = s.lock().webhook_delete(app, &token, &m)?;
    s.apply(effects);
    no_content()
}
