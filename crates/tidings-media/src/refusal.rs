//! Why an upload is not kept, in words for the person who sent it.

/// A file we will not keep. Each kind answers differently: a file that is
/// not a picture we take (415), one too large to decode (422), one that is
/// broken (422).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    /// Not JPEG, PNG, WebP or GIF, whatever its name says.
    #[error("Only JPEG, PNG, WebP and GIF pictures are taken; this file {looks_like}.")]
    NotAPicture { looks_like: String },
    /// More pixels than [`crate::MAX_PIXELS`], said by its header.
    #[error(
        "This picture is {width} × {height} pixels; at most 50 megapixels are taken. \
         Make it smaller and upload it again."
    )]
    TooManyPixels { width: u32, height: u32 },
    /// Cut short, damaged, or more than decoding may take.
    #[error("This picture cannot be read ({0}). Save it again and upload the new file.")]
    Broken(String),
}
