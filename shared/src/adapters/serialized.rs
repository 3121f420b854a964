//! A [`Table`] that sends its transactions one at a time: for a DynamoDB emulator whose
//! transactions are not safe under concurrency (moto), never for DynamoDB itself.
//!
//! moto's TransactWriteItems deep-copies the table, applies the writes, and on a failed
//! condition puts the copy back, all without a lock. Two concurrent transactions can therefore
//! undo each other's writes (two accepts of one link both succeed), and a copy taken while
//! another transaction writes fails inside moto with an HTML 500. DynamoDB is atomic and needs
//! none of this. Reads stay concurrent, and which request wins is still decided by the
//! conditions, so the behaviour a client sees is DynamoDB's.
//!
//! One turn for the whole process, whatever the table: the tests run many apps (one table
//! each) against one moto, whose tables share one backend.

use std::sync::Arc;

use async_trait::async_trait;

use crate::ports::{Found, Item, Page, Query, Table, TableError, Write};

/// `table`, with its transactions sent one at a time.
pub fn serialized(table: Arc<dyn Table>) -> Arc<dyn Table> {
    Arc::new(SerializedTransactions(table))
}

pub struct SerializedTransactions(Arc<dyn Table>);

static ONE_AT_A_TIME: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

#[async_trait]
impl Table for SerializedTransactions {
    async fn get(&self, pk: &str, sk: &str) -> Result<Option<Item>, TableError> {
        self.0.get(pk, sk).await
    }

    async fn get_eventual(&self, pk: &str, sk: &str) -> Result<Option<Item>, TableError> {
        self.0.get_eventual(pk, sk).await
    }

    async fn read(
        &self,
        pk: &str,
        sk: &str,
        consistent: bool,
    ) -> Result<Option<Found>, TableError> {
        self.0.read(pk, sk, consistent).await
    }

    async fn query(&self, q: &Query) -> Result<Page, TableError> {
        self.0.query(q).await
    }

    async fn transact(&self, writes: Vec<Write>) -> Result<(), TableError> {
        let _turn = ONE_AT_A_TIME.lock().await;
        self.0.transact(writes).await
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::time::Duration;

    use super::*;

    /// Counts the transactions in flight at once, and the most it ever saw.
    #[derive(Default)]
    struct Overlap {
        now: AtomicUsize,
        most: AtomicUsize,
    }

    #[async_trait]
    impl Table for Overlap {
        async fn get(&self, _: &str, _: &str) -> Result<Option<Item>, TableError> {
            Ok(None)
        }
        async fn get_eventual(&self, _: &str, _: &str) -> Result<Option<Item>, TableError> {
            Ok(None)
        }
        async fn query(&self, _: &Query) -> Result<Page, TableError> {
            Ok(Page::default())
        }
        async fn transact(&self, _: Vec<Write>) -> Result<(), TableError> {
            let now = self.now.fetch_add(1, Ordering::SeqCst) + 1;
            self.most.fetch_max(now, Ordering::SeqCst);
            tokio::time::sleep(Duration::from_millis(5)).await;
            self.now.fetch_sub(1, Ordering::SeqCst);
            Ok(())
        }
    }

    #[tokio::test]
    async fn transactions_sent_at_once_reach_the_table_one_at_a_time() {
        let inner = Arc::new(Overlap::default());
        let table = serialized(inner.clone());
        let sends = (0..16).map(|_| table.transact(Vec::new()));
        for sent in futures::future::join_all(sends).await {
            assert_eq!(sent, Ok(()));
        }
        assert_eq!(inner.most.load(Ordering::SeqCst), 1);
    }
}
