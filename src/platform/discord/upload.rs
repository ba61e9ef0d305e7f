//! Downloading a reading attached to `/reading import`: refused before downloading when
//! Discord says it is too big, and cut off if the bytes run past the limit anyway.

use std::time::Duration;

use anyhow::Context as _;
use poise::serenity_prelude as serenity;

use crate::engine::Upload;

/// Why an attachment could not be taken; the messages are for users.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub(crate) enum UploadError {
    #[error(
        "\"{name}\" is {size}; the limit is {limit}. Split the reading into parts and import them one after another."
    )]
    TooBig {
        name: String,
        /// Both sizes as the engine and the other platforms say them ("2 MB", "3.5 MB").
        size: String,
        limit: String,
    },
    #[error("The attachment could not be downloaded from Discord ({0}). Try again in a moment.")]
    Download(String),
}

/// An HTTP client for attachments, separate from serenity's (whose `Attachment::download`
/// builds a fresh client each time).
pub(crate) struct Downloader {
    client: reqwest::Client,
    limit: usize,
}

impl Downloader {
    /// `direct`: ignore proxy variables (used with `api_base`, as serenity's client is).
    pub fn new(direct: bool, limit: usize) -> anyhow::Result<Downloader> {
        let mut builder = reqwest::Client::builder()
            .timeout(Duration::from_secs(60))
            .connect_timeout(Duration::from_secs(10));
        if direct {
            builder = builder.no_proxy();
        }
        Ok(Downloader {
            client: builder
                .build()
                .context("cannot build the download client")?,
            limit,
        })
    }

    fn too_big(&self, name: &str, size: usize) -> UploadError {
        UploadError::TooBig {
            name: name.to_string(),
            size: crate::domain::import::human_size(size),
            limit: crate::domain::import::human_size(self.limit),
        }
    }

    /// Fetch an attachment's bytes within the limit.
    pub async fn fetch(&self, attachment: &serenity::Attachment) -> Result<Upload, UploadError> {
        let name = attachment.filename.clone();
        if attachment.size as usize > self.limit {
            return Err(self.too_big(&name, attachment.size as usize));
        }
        let failed = |e: reqwest::Error| {
            UploadError::Download(if e.is_timeout() {
                "it took too long".to_string()
            } else if let Some(s) = e.status() {
                format!("HTTP {}", s.as_u16())
            } else {
                "the connection failed".to_string()
            })
        };
        let mut response = self
            .client
            .get(&attachment.url)
            .send()
            .await
            .and_then(|r| r.error_for_status())
            .map_err(failed)?;
        if let Some(len) = response.content_length()
            && len as usize > self.limit
        {
            return Err(self.too_big(&name, len as usize));
        }
        let mut bytes = Vec::with_capacity(attachment.size as usize);
        while let Some(chunk) = response.chunk().await.map_err(failed)? {
            if bytes.len() + chunk.len() > self.limit {
                return Err(self.too_big(&name, bytes.len() + chunk.len()));
            }
            bytes.extend_from_slice(&chunk);
        }
        Ok(Upload { name, bytes })
    }
}
