//! A static site as files in memory ([`Site`], built by [`crate::engine::archive`]), and
//! writing it to a folder.
//!
//! Every run writes every file again (each through a temporary file and a rename, so a
//! reader never sees half a page) and removes the files the previous run wrote that this
//! one did not: a page of a forgotten member's reply is gone, not left behind. What was
//! written is listed in `.colloquy-archive` in the folder. A folder that holds files
//! without that list is refused unless `force` is given, and even then colloquy deletes
//! only files it wrote.

use std::collections::BTreeSet;
use std::path::{Component, Path, PathBuf};

use thiserror::Error;

/// One file of the site: its path inside the output folder and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiteFile {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// A whole site, its files sorted by path.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Site {
    pub files: Vec<SiteFile>,
}

impl Site {
    pub fn add(&mut self, path: impl Into<String>, bytes: impl Into<Vec<u8>>) {
        self.files.push(SiteFile {
            path: path.into(),
            bytes: bytes.into(),
        });
    }

    /// The file at `path`, if the site has one.
    pub fn file(&self, path: &str) -> Option<&SiteFile> {
        self.files.iter().find(|f| f.path == path)
    }
}

/// The list of files the last run wrote, kept in the output folder.
pub const MANIFEST: &str = ".colloquy-archive";

const MANIFEST_HEADER: &str =
    "# Files written by `colloquy archive`; the next run removes those it no longer writes.";

#[derive(Debug, Error)]
pub enum SiteError {
    #[error(
        "{dir} already holds files colloquy did not write ({examples}); choose an empty or new folder, or give --force to write beside them (colloquy never deletes files it did not write)"
    )]
    NotOurs { dir: String, examples: String },
    #[error("{dir} is not a folder")]
    NotAFolder { dir: String },
    #[error("cannot write {path}: {message}")]
    Io { path: String, message: String },
    #[error("the archive has a file with an unsafe path: {0}")]
    UnsafePath(String),
}

/// What a write did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WriteReport {
    pub written: usize,
    /// Files of the previous run that this one no longer writes, now deleted.
    pub removed: Vec<String>,
}

fn io(path: &Path, e: std::io::Error) -> SiteError {
    SiteError::Io {
        path: path.display().to_string(),
        message: e.to_string(),
    }
}

/// A path inside the folder: relative, without `..`.
fn safe(path: &str) -> bool {
    !path.is_empty()
        && Path::new(path)
            .components()
            .all(|c| matches!(c, Component::Normal(_)))
}

/// The files the previous run listed, if this folder has a list.
fn previous(dir: &Path) -> Result<Option<BTreeSet<String>>, SiteError> {
    let path = dir.join(MANIFEST);
    match std::fs::read_to_string(&path) {
        Ok(text) => Ok(Some(
            text.lines()
                .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
                .map(str::to_string)
                .filter(|p| safe(p))
                .collect(),
        )),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(io(&path, e)),
    }
}

/// Write `site` into `dir` (created if missing), as the module says.
pub fn write_site(dir: &Path, site: &Site, force: bool) -> Result<WriteReport, SiteError> {
    if dir.exists() && !dir.is_dir() {
        return Err(SiteError::NotAFolder {
            dir: dir.display().to_string(),
        });
    }
    std::fs::create_dir_all(dir).map_err(|e| io(dir, e))?;
    let before = previous(dir)?;
    if before.is_none() && !force {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .map_err(|e| io(dir, e))?
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().to_string())
            .collect();
        if !names.is_empty() {
            names.sort();
            let count = names.len();
            names.truncate(3);
            let mut examples = names.join(", ");
            if count > 3 {
                examples.push_str(&format!(" and {} more", count - 3));
            }
            return Err(SiteError::NotOurs {
                dir: dir.display().to_string(),
                examples,
            });
        }
    }
    let mut now: BTreeSet<String> = BTreeSet::new();
    for file in &site.files {
        if !safe(&file.path) || file.path == MANIFEST {
            return Err(SiteError::UnsafePath(file.path.clone()));
        }
        let target = dir.join(&file.path);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent).map_err(|e| io(parent, e))?;
        }
        let tmp: PathBuf = dir.join(format!("{}.colloquy-tmp", file.path));
        std::fs::write(&tmp, &file.bytes).map_err(|e| io(&tmp, e))?;
        std::fs::rename(&tmp, &target).map_err(|e| io(&target, e))?;
        now.insert(file.path.clone());
    }
    let mut removed = Vec::new();
    for old in before.unwrap_or_default().difference(&now) {
        let path = dir.join(old);
        match std::fs::remove_file(&path) {
            Ok(()) => removed.push(old.clone()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(io(&path, e)),
        }
    }
    let mut manifest = String::from(MANIFEST_HEADER);
    manifest.push('\n');
    for p in &now {
        manifest.push_str(p);
        manifest.push('\n');
    }
    let path = dir.join(MANIFEST);
    std::fs::write(&path, manifest).map_err(|e| io(&path, e))?;
    Ok(WriteReport {
        written: now.len(),
        removed,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(paths: &[&str]) -> Site {
        Site {
            files: paths
                .iter()
                .map(|p| SiteFile {
                    path: p.to_string(),
                    bytes: p.as_bytes().to_vec(),
                })
                .collect(),
        }
    }

    #[test]
    fn rewrites_removes_its_own_leftovers_and_nothing_else() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("site");
        let r = write_site(&out, &site(&["index.html", "session-1.html"]), false).unwrap();
        assert_eq!(r.written, 2);
        std::fs::write(out.join("mine.txt"), "the owner's").unwrap();
        let r = write_site(&out, &site(&["index.html"]), false).unwrap();
        assert_eq!(r.removed, vec!["session-1.html".to_string()]);
        assert!(!out.join("session-1.html").exists());
        assert!(out.join("mine.txt").exists());
        assert_eq!(
            std::fs::read(out.join("index.html")).unwrap(),
            b"index.html"
        );
    }

    #[test]
    fn a_folder_of_other_files_is_refused_unless_forced() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("thesis.tex"), "x").unwrap();
        let e = write_site(dir.path(), &site(&["index.html"]), false).unwrap_err();
        assert!(e.to_string().contains("thesis.tex"), "{e}");
        assert!(e.to_string().contains("--force"), "{e}");
        assert!(!dir.path().join("index.html").exists());
        write_site(dir.path(), &site(&["index.html", "a.html"]), true).unwrap();
        write_site(dir.path(), &site(&["index.html"]), false).unwrap();
        assert!(dir.path().join("thesis.tex").exists());
        assert!(!dir.path().join("a.html").exists());
        let file = dir.path().join("plain");
        std::fs::write(&file, "x").unwrap();
        assert!(matches!(
            write_site(&file, &site(&["index.html"]), false),
            Err(SiteError::NotAFolder { .. })
        ));
        assert!(matches!(
            write_site(dir.path(), &site(&["../escape.html"]), false),
            Err(SiteError::UnsafePath(_))
        ));
    }
}
