//! The process's allocator: mimalloc for everyday blocks, pages of their own
//! from the kernel for large ones.
//!
//! Serving a page is small allocations freed on another thread, where
//! mimalloc beats glibc's malloc (a tenth of the time, `perf` on
//! bench/run.sh). But mimalloc gives memory back to the system only as the
//! thread that owns it allocates again, and the few large blocks a server
//! makes (a picture's decoded pixels, 72 MB for 24 megapixels; an upload's
//! body; its resized copies) are made on one thread and freed on another,
//! which then sits idle: after two such uploads the server held 465 MB
//! until its next request on those threads. A block of [`LARGE`] bytes or
//! more is mapped for itself and unmapped when freed, whichever thread
//! frees it, grown in place or moved without a copy by `mremap`. They are
//! rare enough that a system call each costs nothing that shows, and the
//! kernel's fresh pages are zeroed already.
//!
//! mimalloc gives back what its threads freed a second later, but only when
//! a thread next takes a page from it or returns one: an idle server does
//! neither, so `serve` asks it to every few seconds ([`give_back_freed`]).

use std::alloc::{GlobalAlloc, Layout};
use std::ffi::c_void;
use std::ptr;

use mimalloc::MiMalloc;
use rustix::mm::{MapFlags, MremapFlags, ProtFlags, mmap_anonymous, mremap, munmap};

/// From this size on, a block has pages of its own: above what a page
/// render or a request's buffers take (a home page is under 100 KB, a feed
/// of 25 posts 110 KB), below a picture's pixels and the resized and encoded
/// copies of a photo (at 1 MiB those stayed in idle threads' pages: 5 MB
/// more held after two uploads).
const LARGE: usize = 256 << 10;

/// The alignment every mapping has (the smallest page size of the systems
/// we run on); a block asking for more goes to mimalloc.
const PAGE: usize = 4096;

pub struct Allocator;

fn is_large(layout: Layout) -> bool {
    layout.size() >= LARGE && layout.align() <= PAGE
}

/// `size` fresh, zeroed bytes of their own pages, or null.
fn map(size: usize) -> *mut u8 {
    // SAFETY: a new private anonymous mapping at an address the kernel
    // chooses touches no memory of ours.
    unsafe {
        mmap_anonymous(
            ptr::null_mut(),
            size,
            ProtFlags::READ | ProtFlags::WRITE,
            MapFlags::PRIVATE,
        )
    }
    .map_or(ptr::null_mut(), |p| p.cast())
}

// SAFETY: every block is either mimalloc's or a mapping of its own, told
// apart by its layout, which the caller gives back unchanged (`GlobalAlloc`'s
// contract), so each is freed and resized by the side that made it.
unsafe impl GlobalAlloc for Allocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if is_large(layout) {
            map(layout.size())
        } else {
            // SAFETY: the caller's layout, as `GlobalAlloc::alloc` takes it.
            unsafe { MiMalloc.alloc(layout) }
        }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if is_large(layout) {
            map(layout.size())
        } else {
            // SAFETY: as in `alloc`.
            unsafe { MiMalloc.alloc_zeroed(layout) }
        }
    }

    unsafe fn dealloc(&self, block: *mut u8, layout: Layout) {
        if is_large(layout) {
            // SAFETY: a large layout's block is a whole mapping of that
            // size (`alloc`), no longer used. An error cannot be answered
            // here; the mapping would only stay.
            let _ = unsafe { munmap(block.cast::<c_void>(), layout.size()) };
        } else {
            // SAFETY: a small layout's block is mimalloc's.
            unsafe { MiMalloc.dealloc(block, layout) }
        }
    }

    unsafe fn realloc(&self, block: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: `GlobalAlloc::realloc`'s contract: the size is non-zero
        // and, rounded up to the alignment, does not overflow.
        let new_layout = unsafe { Layout::from_size_align_unchecked(new_size, layout.align()) };
        match (is_large(layout), is_large(new_layout)) {
            // SAFETY: a mapping of `layout.size()` bytes, moved (pages, not
            // bytes) if it cannot grow where it is.
            (true, true) => unsafe {
                mremap(
                    block.cast::<c_void>(),
                    layout.size(),
                    new_size,
                    MremapFlags::MAYMOVE,
                )
            }
            .map_or(ptr::null_mut(), |p| p.cast()),
            // SAFETY: mimalloc's block, staying small.
            (false, false) => unsafe { MiMalloc.realloc(block, layout, new_size) },
            // Crossing the line: made anew on the other side, copied, freed.
            _ => {
                // SAFETY: `new_layout` is valid (above); the old block holds
                // `layout.size()` bytes and the new one `new_size`.
                unsafe {
                    let moved = self.alloc(new_layout);
                    if !moved.is_null() {
                        ptr::copy_nonoverlapping(block, moved, layout.size().min(new_size));
                        self.dealloc(block, layout);
                    }
                    moved
                }
            }
        }
    }
}

/// Has glibc's malloc, which the C libraries we link allocate from
/// (libwebp's encoder, SQLite), map every block of 128 KiB or more for
/// itself too. That is its default, but it raises the line to the size of
/// each mapped block freed (up to 32 MiB), after which such blocks stay in
/// its arenas once freed: after two uploads, 40 MB of WebP encoders' buffers
/// were held by an idle server. Set, the line stays where it is.
pub fn c_blocks_mapped() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: `mallopt` changes a setting; called before any C library
    // allocates on another thread.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 128 * 1024);
    }
}

/// Gives the system back the pages mimalloc's threads freed more than a
/// second ago. mimalloc does that itself only when a thread next takes a
/// page from it or gives one back, so an idle server kept what its last
/// burst of work freed (5 MB after two uploads). Cheap: a look at this
/// thread's heap and at the arenas' pending purges.
pub fn give_back_freed() {
    // SAFETY: `mi_collect` only walks mimalloc's own structures.
    unsafe { libmimalloc_sys::mi_collect(false) }
}
