//! The Matrix client: state and crypto store in the configured folder, login with a
//! password or an access token from the environment, and the saved session (session.json,
//! mode 0600) restored on restart, so each start is the same device.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, anyhow, bail};
use matrix_sdk::authentication::matrix::MatrixSession;
use matrix_sdk::ruma::api::error::ErrorKind;
use matrix_sdk::ruma::{OwnedDeviceId, OwnedUserId};
use matrix_sdk::{Client, SessionMeta, SessionTokens};

use crate::config::{self, secret_from_env};

/// The device name other members see for the bot.
const DEVICE_NAME: &str = "colloquy";

fn session_file(store: &Path) -> PathBuf {
    // The config check looks for the same file (a saved login needs no password).
    config::matrix_session_file(store)
}

fn sdk_dir(store: &Path) -> PathBuf {
    store.join("sdk")
}

/// Build the client and log in or restore the saved session.
pub(super) async fn connect(config: &config::Matrix) -> Result<Client> {
    create_private_dir(&config.store)
        .with_context(|| format!("cannot create the store folder {}", config.store.display()))?;
    let session_path = session_file(&config.store);
    let saved = read_session(&session_path)?;
    if saved.is_none() && sdk_dir(&config.store).exists() {
        // A crypto store without its session belongs to a device we can no longer use;
        // a new login would not match it. Keep it aside rather than deleting keys.
        let aside = config.store.join(format!(
            "sdk.orphaned-{}",
            chrono::Utc::now().format("%Y%m%dT%H%M%S")
        ));
        tracing::warn!(path = %aside.display(), "session.json is missing: moving the old device's store aside and logging in as a new device");
        std::fs::rename(sdk_dir(&config.store), &aside)
            .with_context(|| format!("cannot move {} aside", sdk_dir(&config.store).display()))?;
    }
    let client = Client::builder()
        .homeserver_url(&config.homeserver)
        .sqlite_store(sdk_dir(&config.store), None)
        .build()
        .await
        .context("cannot build the Matrix client")?;

    let session = match (&config.access_token_env, saved) {
        (Some(var), saved) => {
            let token = secret_from_env(var, "Matrix access token")?;
            let session = match saved {
                Some(s) if s.tokens.access_token == token => s,
                saved => {
                    let (user_id, device_id) = whoami(&config.homeserver, &token).await?;
                    if let Some(old) = saved
                        && old.meta.device_id != device_id
                    {
                        bail!(
                            "the access token in ${var} belongs to device {device_id}, but the store {} holds device {}; use that device's token or a fresh store folder",
                            config.store.display(),
                            old.meta.device_id
                        );
                    }
                    MatrixSession {
                        meta: SessionMeta { user_id, device_id },
                        tokens: SessionTokens {
                            access_token: token,
                            refresh_token: None,
                        },
                    }
                }
            };
            client
                .restore_session(session.clone())
                .await
                .context("cannot restore the Matrix session")?;
            session
        }
        (None, Some(saved)) => {
            client
                .restore_session(saved.clone())
                .await
                .context("cannot restore the saved Matrix session")?;
            saved
        }
        (None, None) => {
            let var = config
                .password_env
                .as_deref()
                .ok_or_else(|| anyhow!("[matrix] needs password_env or access_token_env"))?;
            let password = secret_from_env(var, "Matrix password")?;
            client
                .matrix_auth()
                .login_username(&config.user, &password)
                .initial_device_display_name(DEVICE_NAME)
                .await
                .with_context(|| format!("Matrix login as {} failed", config.user))?;
            let session = client
                .matrix_auth()
                .session()
                .ok_or_else(|| anyhow!("the Matrix login returned no session"))?;
            tracing::info!(user = %session.meta.user_id, device = %session.meta.device_id, "logged in to Matrix as a new device");
            session
        }
    };
    write_session(&session_path, &session)?;

    // The saved token may have been revoked (a logout elsewhere): say what to do.
    match client.whoami().await {
        Ok(me) if me.user_id.as_str() != config.user => bail!(
            "the Matrix session is for {}, but the config says user = \"{}\"",
            me.user_id,
            config.user
        ),
        Ok(_) => {}
        Err(e)
            if matches!(
                e.client_api_error_kind(),
                Some(ErrorKind::UnknownToken { .. })
            ) =>
        {
            bail!(
                "the saved Matrix session is no longer valid (the device was logged out). Move {} away to log in again as a new device (the bot cannot read encrypted history from before)",
                config.store.display()
            )
        }
        Err(e) => return Err(anyhow!(e).context("cannot reach the Matrix homeserver")),
    }
    Ok(client)
}

fn read_session(path: &Path) -> Result<Option<MatrixSession>> {
    match std::fs::read_to_string(path) {
        Ok(text) => Ok(Some(serde_json::from_str(&text).with_context(|| {
            format!(
                "{} is damaged; move the store folder away to log in again",
                path.display()
            )
        })?)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(anyhow!(e).context(format!("cannot read {}", path.display()))),
    }
}

/// Write the session (it holds the access token) readable by the owner only, atomically.
fn write_session(path: &Path, session: &MatrixSession) -> Result<()> {
    use std::io::Write;
    let tmp = path.with_extension("json.tmp");
    let _ = std::fs::remove_file(&tmp);
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let json = serde_json::to_string(session).context("cannot serialize the Matrix session")?;
    let mut file = options
        .open(&tmp)
        .with_context(|| format!("cannot write {}", tmp.display()))?;
    file.write_all(json.as_bytes())?;
    file.sync_all()?;
    std::fs::rename(&tmp, path).with_context(|| format!("cannot write {}", path.display()))?;
    Ok(())
}

fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))?;
    }
    Ok(())
}

/// Who an access token belongs to (user and device), asked before the client has a session.
async fn whoami(homeserver: &str, token: &str) -> Result<(OwnedUserId, OwnedDeviceId)> {
    #[derive(serde::Deserialize)]
    struct WhoAmI {
        user_id: OwnedUserId,
        device_id: Option<OwnedDeviceId>,
    }
    let url = format!(
        "{}/_matrix/client/v3/account/whoami",
        homeserver.trim_end_matches('/')
    );
    let response = reqwest::Client::new()
        .get(&url)
        .bearer_auth(token)
        .timeout(std::time::Duration::from_secs(30))
        .send()
        .await
        .context("cannot reach the Matrix homeserver")?;
    if !response.status().is_success() {
        bail!(
            "the homeserver refused the access token ({})",
            response.status()
        );
    }
    let who: WhoAmI = response.json().await.context("unexpected whoami answer")?;
    let device = who.device_id.ok_or_else(|| {
        anyhow!("the access token has no device (an appservice token?); use a device's token")
    })?;
    Ok((who.user_id, device))
}
