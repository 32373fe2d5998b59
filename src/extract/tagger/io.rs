//! Model file format.
//!
//! ```text
//! magic "BYLNTAGR" | format version u16 LE | flags u16 LE (bit 0: zlib) | payload length u32 LE
//! payload (zlib):
//!   varint len + ModelInfo as JSON
//!   varint NUM_TAGS (must be 9)
//!   81 transition + 9 start + 9 end scores, zigzag varints
//!   varint row count
//!   feature ids: strictly increasing, delta-coded varints
//!   per row: varint bitmask of nonzero tags, then one zigzag varint (an i16) per set bit
//! ```
//! Reading checks every length against the bytes that remain, so a truncated or garbled file is
//! an error, never a panic or a huge allocation; zlib's Adler-32 catches most bit flips.

use std::io::{Read, Write};

use flate2::Compression;
use flate2::read::ZlibDecoder;
use flate2::write::ZlibEncoder;

use super::emissions::new_model_id;
use super::error::TaggerError;
use super::features::FEATURE_VERSION;
use super::model::{Model, ModelInfo};
use super::table::FeatureTable;
use super::types::NUM_TAGS;
use super::viterbi::Transitions;

const MAGIC: &[u8; 8] = b"BYLNTAGR";
const FORMAT_VERSION: u16 = 1;
const FLAG_ZLIB: u16 = 1;
const HEADER_LEN: usize = 16;
/// Refuse to inflate beyond this: a real model is a few MB.
const MAX_PAYLOAD: u64 = 256 << 20;

fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn zigzag(v: i64) -> u64 {
    ((v << 1) ^ (v >> 63)) as u64
}

fn unzigzag(v: u64) -> i64 {
    ((v >> 1) as i64) ^ -((v & 1) as i64)
}

struct Cursor<'a> {
    buf: &'a [u8],
    pos: usize,
}

impl Cursor<'_> {
    fn varint(&mut self) -> Result<u64, TaggerError> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = *self.buf.get(self.pos).ok_or(TaggerError::Truncated)?;
            self.pos += 1;
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(TaggerError::Corrupt("varint too long"))
    }

    fn signed(&mut self) -> Result<i64, TaggerError> {
        self.varint().map(unzigzag)
    }

    fn bytes(&mut self, n: usize) -> Result<&[u8], TaggerError> {
        let end = self.pos.checked_add(n).ok_or(TaggerError::Truncated)?;
        let s = self.buf.get(self.pos..end).ok_or(TaggerError::Truncated)?;
        self.pos = end;
        Ok(s)
    }

    fn remaining(&self) -> usize {
        self.buf.len().saturating_sub(self.pos)
    }
}

impl Model {
    /// Serialises the model (compressed, versioned).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut p = Vec::new();
        let info = serde_json::to_vec(&self.info).unwrap_or_default();
        put_varint(&mut p, info.len() as u64);
        p.extend_from_slice(&info);
        put_varint(&mut p, NUM_TAGS as u64);
        let tr = &self.trans;
        for &v in tr.trans.iter().chain(&tr.start).chain(&tr.end) {
            put_varint(&mut p, zigzag(v));
        }
        let keys = self.table.keys();
        // Rows are written in id order so ids delta-code well, whatever the in-memory order.
        let mut order: Vec<usize> = (0..keys.len()).collect();
        order.sort_unstable_by_key(|&r| keys[r]);
        put_varint(&mut p, keys.len() as u64);
        let mut prev = 0u32;
        for &r in &order {
            put_varint(&mut p, u64::from(keys[r].wrapping_sub(prev)));
            prev = keys[r];
        }
        for &r in &order {
            let Some(row) = self.weights.get(r * NUM_TAGS..(r + 1) * NUM_TAGS) else {
                put_varint(&mut p, 0);
                continue;
            };
            let mask = row.iter().enumerate().filter(|(_, w)| **w != 0).fold(0u64, |m, (i, _)| m | (1 << i));
            put_varint(&mut p, mask);
            for &w in row.iter().filter(|w| **w != 0) {
                put_varint(&mut p, zigzag(i64::from(w)));
            }
        }
        let mut enc = ZlibEncoder::new(Vec::new(), Compression::best());
        // Writing into a Vec cannot fail.
        let compressed = enc.write_all(&p).and_then(|()| enc.finish()).unwrap_or_default();
        let mut out = Vec::with_capacity(HEADER_LEN + compressed.len());
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        out.extend_from_slice(&FLAG_ZLIB.to_le_bytes());
        out.extend_from_slice(&(compressed.len() as u32).to_le_bytes());
        out.extend_from_slice(&compressed);
        out
    }

    /// Reads a model written by [`Model::to_bytes`]. Any damage is an error, never a panic.
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, TaggerError> {
        if bytes.len() < MAGIC.len() || &bytes[..MAGIC.len()] != MAGIC {
            return Err(TaggerError::BadMagic);
        }
        let header = bytes.get(..HEADER_LEN).ok_or(TaggerError::Truncated)?;
        let version = u16::from_le_bytes([header[8], header[9]]);
        if version != FORMAT_VERSION {
            return Err(TaggerError::UnsupportedVersion(version));
        }
        let flags = u16::from_le_bytes([header[10], header[11]]);
        if flags != FLAG_ZLIB {
            return Err(TaggerError::Corrupt("unknown flags"));
        }
        let len = u32::from_le_bytes([header[12], header[13], header[14], header[15]]) as usize;
        let body = &bytes[HEADER_LEN..];
        if body.len() < len {
            return Err(TaggerError::Truncated);
        }
        if body.len() > len {
            return Err(TaggerError::Corrupt("trailing bytes"));
        }
        let mut payload = Vec::new();
        ZlibDecoder::new(body)
            .take(MAX_PAYLOAD)
            .read_to_end(&mut payload)
            .map_err(|_| TaggerError::Corrupt("compressed data"))?;
        parse_payload(&payload)
    }
}

fn parse_payload(payload: &[u8]) -> Result<Model, TaggerError> {
    let mut c = Cursor { buf: payload, pos: 0 };
    let info_len = usize::try_from(c.varint()?).map_err(|_| TaggerError::Truncated)?;
    let info: ModelInfo =
        serde_json::from_slice(c.bytes(info_len)?).map_err(|_| TaggerError::Corrupt("info"))?;
    if info.feature_version != FEATURE_VERSION {
        return Err(TaggerError::FeatureVersion { found: info.feature_version, expected: FEATURE_VERSION });
    }
    if c.varint()? != NUM_TAGS as u64 {
        return Err(TaggerError::Corrupt("tag count"));
    }
    let mut trans = Transitions::default();
    for v in trans.trans.iter_mut().chain(trans.start.iter_mut()).chain(trans.end.iter_mut()) {
        let x = c.signed()?;
        if x.unsigned_abs() > 1 << 40 {
            return Err(TaggerError::Corrupt("transition score"));
        }
        *v = x;
    }
    let rows = usize::try_from(c.varint()?).map_err(|_| TaggerError::Truncated)?;
    // Each row needs at least two bytes (key delta + mask): bounds the allocation below.
    if rows > c.remaining() / 2 {
        return Err(TaggerError::Truncated);
    }
    let mut keys = Vec::with_capacity(rows);
    let mut prev = 0u64;
    for _ in 0..rows {
        let delta = c.varint()?;
        let k = prev.saturating_add(delta);
        if delta == 0 || k > u64::from(u32::MAX) {
            return Err(TaggerError::Corrupt("feature ids"));
        }
        keys.push(k as u32);
        prev = k;
    }
    let mut weights = vec![0i16; rows * NUM_TAGS];
    for row in weights.chunks_exact_mut(NUM_TAGS) {
        let mask = c.varint()?;
        if mask >> NUM_TAGS != 0 {
            return Err(TaggerError::Corrupt("row mask"));
        }
        for (t, w) in row.iter_mut().enumerate() {
            if mask & (1 << t) != 0 {
                *w = i16::try_from(c.signed()?).map_err(|_| TaggerError::Corrupt("weight"))?;
            }
        }
    }
    if c.remaining() != 0 {
        return Err(TaggerError::Corrupt("trailing payload"));
    }
    Ok(Model { info, table: FeatureTable::new(keys), weights, trans, id: new_model_id() })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tiny_model() -> Model {
        let mut trans = Transitions::default();
        trans.trans[3] = -5;
        trans.start[1] = 2;
        let keys = vec![10, 20, 4_000_000_000];
        let mut weights = vec![0i16; 3 * NUM_TAGS];
        weights[1] = 300;
        weights[NUM_TAGS + 2] = -7;
        weights[2 * NUM_TAGS + 8] = i16::MIN;
        Model {
            info: ModelInfo::default(),
            table: FeatureTable::new(keys),
            weights,
            trans,
            id: new_model_id(),
        }
    }

    #[test]
    fn roundtrip() {
        let m = tiny_model();
        let b = m.to_bytes();
        let m2 = Model::from_bytes(&b).expect("roundtrip");
        assert_eq!(m2.weights, m.weights);
        assert_eq!(m2.trans, m.trans);
        assert_eq!(m2.table.keys(), m.table.keys());
        assert_eq!(m2.info, m.info);
        assert_eq!(m2.to_bytes(), b);
        let _ = m2.tag(&["Anna", "lives", "here"]);
    }

    #[test]
    fn truncated_and_garbled_never_panic() {
        let b = tiny_model().to_bytes();
        for cut in 0..b.len() {
            assert!(Model::from_bytes(&b[..cut]).is_err(), "cut at {cut}");
        }
        // Flip every bit of every byte, one at a time: must error or load, never panic.
        for i in 0..b.len() {
            for bit in 0..8 {
                let mut g = b.clone();
                g[i] ^= 1 << bit;
                let _ = Model::from_bytes(&g);
            }
        }
        assert_eq!(Model::from_bytes(b"nope").unwrap_err(), TaggerError::BadMagic);
        let mut v = b.clone();
        v[8] = 9;
        assert_eq!(Model::from_bytes(&v).unwrap_err(), TaggerError::UnsupportedVersion(9));
    }

    #[test]
    fn corrupt_payload_is_error() {
        // A well-formed container around a payload that lies about its row count.
        let mut p = Vec::new();
        let info = serde_json::to_vec(&ModelInfo::default()).expect("json");
        put_varint(&mut p, info.len() as u64);
        p.extend_from_slice(&info);
        put_varint(&mut p, NUM_TAGS as u64);
        for _ in 0..99 {
            put_varint(&mut p, 0);
        }
        put_varint(&mut p, u64::MAX);
        assert!(parse_payload(&p).is_err());
    }
}
