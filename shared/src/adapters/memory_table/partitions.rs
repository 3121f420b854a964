//! The partitions of the in-memory table: each partition's items by sort key.

use std::collections::{BTreeMap, HashMap};
use std::ops::Bound;

use super::Stored;

/// The partitions by key (most of them, under an invitation load, invitation tokens).
/// foldhash rather than SipHash: every operation hashes a key or two, and growing the map
/// rehashes every key while the table is locked. Timed apart with keys of the tokens' shape,
/// the growth past 458,752 partitions paused inserts for about 170 ms with SipHash and 95 ms
/// with foldhash. Its seed is random per process, so keys an attacker picks do not collide
/// at will.
pub(super) type Partitions = HashMap<String, Partition, foldhash::fast::RandomState>;

/// The items of one partition by sort key. A partition of one item (each invitation token's,
/// most partitions under an invitation load) keeps it in place: a B-tree's first node has room
/// for eleven items, some 600 bytes more for every invitation, all of them fresh pages the
/// kernel zeroed.
pub(super) enum Partition {
    One(String, Stored),
    Many(BTreeMap<String, Stored>),
}

impl Partition {
    pub(super) fn get(&self, sk: &str) -> Option<&Stored> {
        match self {
            Partition::One(key, item) => (key == sk).then_some(item),
            Partition::Many(items) => items.get(sk),
        }
    }

    pub(super) fn insert(&mut self, sk: String, item: Stored) {
        match self {
            Partition::One(key, existing) if *key == sk => *existing = item,
            Partition::One(..) => {
                let mut items = BTreeMap::new();
                if let Partition::One(key, existing) =
                    std::mem::replace(self, Partition::Many(BTreeMap::new()))
                {
                    items.insert(key, existing);
                }
                items.insert(sk, item);
                *self = Partition::Many(items);
            }
            Partition::Many(items) => {
                items.insert(sk, item);
            }
        }
    }

    /// Removes an item; whether the partition is empty then.
    pub(super) fn remove(&mut self, sk: &str) -> bool {
        match self {
            Partition::One(key, _) => key == sk,
            Partition::Many(items) => {
                items.remove(sk);
                items.is_empty()
            }
        }
    }

    /// The items whose sort keys are within `bounds`, in order.
    pub(super) fn range(&self, bounds: (Bound<String>, Bound<String>)) -> Items<'_> {
        use std::ops::RangeBounds as _;
        match self {
            Partition::One(key, item) => Items::One(bounds.contains(key).then_some((key, item))),
            Partition::Many(items) => Items::Many(items.range(bounds)),
        }
    }

    pub(super) fn iter(&self) -> Items<'_> {
        self.range((Bound::Unbounded, Bound::Unbounded))
    }
}

/// A partition's items in sort-key order, either way.
pub(super) enum Items<'a> {
    One(Option<(&'a String, &'a Stored)>),
    Many(std::collections::btree_map::Range<'a, String, Stored>),
}

impl<'a> Iterator for Items<'a> {
    type Item = (&'a String, &'a Stored);

    fn next(&mut self) -> Option<Self::Item> {
        match self {
            Items::One(one) => one.take(),
            Items::Many(range) => range.next(),
        }
    }
}

impl DoubleEndedIterator for Items<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        match self {
            Items::One(one) => one.take(),
            Items::Many(range) => range.next_back(),
        }
    }
}
