//! One HTTP GET with every limit a feed reader needs against servers it does not control: a
//! timeout for the whole request (body included), a size cap (before and after
//! decompression), a redirect limit, gzip and deflate, and conditional requests.
//!
//! ureq 3 does the protocol (blocking: each feed runs on its own worker thread, so there is no
//! async runtime to carry). Its own gzip feature is off: decompressing here covers deflate too
//! and puts the size cap on what the body inflates to. Redirects are followed here, not by
//! ureq, to tell a permanent move (301/308: ask the new address next time) from a temporary one
//! and to refuse any redirect that leaves http/https.

use std::io::Read;
use std::time::{Duration, Instant};

use crate::config::FetchConfig;
use crate::store::Validators;

/// Why a request failed, as one line for the summary.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HttpError {
    #[error("HTTP {0}")]
    Status(u16),
    #[error("timed out after {0} s")]
    Timeout(u64),
    #[error("larger than the {0} MiB limit")]
    TooLarge(u64),
    #[error("more than {0} redirects")]
    TooManyRedirects(u32),
    #[error("bad redirect: {0}")]
    BadRedirect(String),
    #[error("{0}")]
    Network(String),
    #[error("bad {encoding} data: {message}")]
    Decompress { encoding: String, message: String },
    #[error("unsupported content encoding {0:?}")]
    Encoding(String),
    #[error("out of time")]
    OutOfTime,
}

/// A successful answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fetched {
    /// 304: what we have is current. `moved_to` as for `Body`.
    NotModified { moved_to: Option<String> },
    Body {
        bytes: Vec<u8>,
        /// To send back next time.
        validators: Validators,
        /// The address after redirects, to resolve relative links against.
        final_url: String,
        /// `final_url`, when every redirect on the way was permanent (301/308).
        moved_to: Option<String>,
        /// The charset the `Content-Type` header named, if any.
        charset: Option<String>,
    },
}

/// What a request asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Want {
    Feed,
    Page,
}

pub struct Client {
    agent: ureq::Agent,
    settings: FetchConfig,
}

impl Client {
    pub fn new(settings: &FetchConfig) -> Client {
        let config = ureq::Agent::config_builder()
            .timeout_global(Some(Duration::from_secs(settings.timeout_secs)))
            // Redirects come back as responses; `get` follows them.
            .max_redirects(0)
            .max_redirects_will_error(false)
            // 4xx/5xx come back as responses, so the status is reported as such.
            .http_status_as_error(false)
            .user_agent(concat!("byline/", env!("CARGO_PKG_VERSION"), " (terminal news reader)"))
            .accept_encoding("gzip, deflate")
            .build();
        Client { agent: config.into(), settings: settings.clone() }
    }

    /// GETs `url`, conditionally when `validators` hold anything.
    pub fn get(&self, url: &str, want: Want, validators: &Validators) -> Result<Fetched, HttpError> {
        self.get_until(url, want, validators, None)
    }

    /// As `get`, but over by `until` whatever the timeout: each request (redirects included)
    /// has at most the time left, and none starts once it has passed.
    pub fn get_until(
        &self,
        url: &str,
        want: Want,
        validators: &Validators,
        until: Option<Instant>,
    ) -> Result<Fetched, HttpError> {
        let accept = match want {
            Want::Feed => {
                "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, \
                 text/xml;q=0.9, */*;q=0.5"
            }
            Want::Page => "text/html, application/xhtml+xml;q=0.9, */*;q=0.5",
        };
        let mut address = url.to_string();
        let mut permanent = true;
        let mut hops = 0;
        let response = loop {
            let mut request = self.agent.get(&address).header("Accept", accept);
            if let Some(until) = until {
                let left = until.saturating_duration_since(Instant::now());
                if left.is_zero() {
                    return Err(HttpError::OutOfTime);
                }
                let timeout = left.min(Duration::from_secs(self.settings.timeout_secs));
                request = request.config().timeout_global(Some(timeout)).build();
            }
            if let Some(etag) = &validators.etag {
                request = request.header("If-None-Match", etag);
            }
            if let Some(lm) = &validators.last_modified {
                request = request.header("If-Modified-Since", lm);
            }
            let response = request.call().map_err(|e| self.error(e))?;
            let status = response.status().as_u16();
            if !matches!(status, 301 | 302 | 303 | 307 | 308) {
                break response;
            }
            if hops == self.settings.max_redirects {
                return Err(HttpError::TooManyRedirects(self.settings.max_redirects));
            }
            hops += 1;
            permanent &= matches!(status, 301 | 308);
            let location = response.headers().get("location").and_then(|v| v.to_str().ok()).unwrap_or("");
            address = redirect_target(&address, location)?;
        };
        let status = response.status().as_u16();
        let moved_to = (permanent && hops > 0).then(|| address.clone());
        if status == 304 {
            return Ok(Fetched::NotModified { moved_to });
        }
        if !(200..300).contains(&status) {
            return Err(HttpError::Status(status));
        }
        let header = |name: &str| {
            response.headers().get(name).and_then(|v| v.to_str().ok()).map(|v| v.trim().to_string())
        };
        let validators =
            Validators { etag: header("etag"), last_modified: header("last-modified"), moved_to: None };
        let encoding = header("content-encoding").unwrap_or_default().to_ascii_lowercase();
        let final_url = address;
        let charset = header("content-type").as_deref().and_then(charset_param);
        let raw = response
            .into_body()
            .into_with_config()
            .limit(self.settings.max_bytes)
            .read_to_vec()
            .map_err(|e| self.error(e))?;
        let bytes = self.decompress(&encoding, raw)?;
        Ok(Fetched::Body { bytes, validators, final_url, moved_to, charset })
    }

    fn mib(&self) -> u64 {
        self.settings.max_bytes.div_ceil(1024 * 1024)
    }

    fn error(&self, e: ureq::Error) -> HttpError {
        match e {
            ureq::Error::Timeout(_) => HttpError::Timeout(self.settings.timeout_secs),
            ureq::Error::BodyExceedsLimit(_) => HttpError::TooLarge(self.mib()),
            ureq::Error::TooManyRedirects => HttpError::TooManyRedirects(self.settings.max_redirects),
            ureq::Error::StatusCode(code) => HttpError::Status(code),
            ureq::Error::HostNotFound => HttpError::Network("host not found".into()),
            ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::TimedOut => {
                HttpError::Timeout(self.settings.timeout_secs)
            }
            // Errors met while reading the body arrive wrapped in io errors.
            ureq::Error::Io(io) => match io.get_ref().and_then(|inner| inner.downcast_ref::<ureq::Error>()) {
                Some(ureq::Error::Timeout(_)) => HttpError::Timeout(self.settings.timeout_secs),
                Some(ureq::Error::BodyExceedsLimit(_)) => HttpError::TooLarge(self.mib()),
                _ => HttpError::Network(crate::library::sanitize::one_line(&io.to_string(), 200)),
            },
            other => HttpError::Network(crate::library::sanitize::one_line(&other.to_string(), 200)),
        }
    }

    /// Undoes the Content-Encoding, never inflating past the cap.
    fn decompress(&self, encoding: &str, raw: Vec<u8>) -> Result<Vec<u8>, HttpError> {
        let cap = self.settings.max_bytes;
        let inflate = |reader: &mut dyn Read, name: &str| -> Result<Vec<u8>, HttpError> {
            let mut out = Vec::new();
            reader.take(cap.saturating_add(1)).read_to_end(&mut out).map_err(|e| HttpError::Decompress {
                encoding: name.to_string(),
                message: crate::library::sanitize::one_line(&e.to_string(), 200),
            })?;
            if out.len() as u64 > cap {
                return Err(HttpError::TooLarge(self.mib()));
            }
            Ok(out)
        };
        match encoding {
            "" | "identity" => Ok(raw),
            "gzip" | "x-gzip" => inflate(&mut flate2::read::MultiGzDecoder::new(raw.as_slice()), "gzip"),
            // "deflate" is zlib-wrapped by the standard, raw deflate by some servers.
            "deflate" => match inflate(&mut flate2::read::ZlibDecoder::new(raw.as_slice()), "deflate") {
                Err(HttpError::Decompress { .. }) => {
                    inflate(&mut flate2::read::DeflateDecoder::new(raw.as_slice()), "deflate")
                }
                other => other,
            },
            other => Err(HttpError::Encoding(other.to_string())),
        }
    }
}

/// The absolute address a `Location` header points to from `from`; only http and https.
fn redirect_target(from: &str, location: &str) -> Result<String, HttpError> {
    let bad = |why: &str| HttpError::BadRedirect(crate::library::sanitize::one_line(why, 200));
    if location.trim().is_empty() {
        return Err(bad("no Location header"));
    }
    let base = url::Url::parse(from).map_err(|e| bad(&e.to_string()))?;
    let target = base.join(location.trim()).map_err(|e| bad(&format!("{location}: {e}")))?;
    match target.scheme() {
        "http" | "https" => Ok(target.to_string()),
        other => Err(bad(&format!("to a {other}: address"))),
    }
}

/// The `charset` parameter of a `Content-Type` value ("text/xml; charset=ISO-8859-1").
fn charset_param(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|param| {
        let (name, value) = param.split_once('=')?;
        name.trim().eq_ignore_ascii_case("charset").then(|| value.trim().trim_matches('"').to_string())
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn redirect_targets() {
        use super::redirect_target;
        assert_eq!(redirect_target("http://h/a/b.xml", "/c.xml").unwrap(), "http://h/c.xml");
        assert_eq!(redirect_target("http://h/a/b.xml", "c.xml").unwrap(), "http://h/a/c.xml");
        assert_eq!(redirect_target("http://h/a", "https://k/x").unwrap(), "https://k/x");
        assert_eq!(
            redirect_target("http://h/a", "file:///etc/passwd").unwrap_err().to_string(),
            "bad redirect: to a file: address"
        );
        assert!(redirect_target("http://h/a", "").is_err());
    }

    #[test]
    fn charset_parameter() {
        use super::charset_param;
        assert_eq!(charset_param("text/xml; charset=ISO-8859-1").as_deref(), Some("ISO-8859-1"));
        assert_eq!(charset_param("text/html;Charset=\"utf-8\";q=1").as_deref(), Some("utf-8"));
        assert_eq!(charset_param("application/rss+xml"), None);
    }
}
