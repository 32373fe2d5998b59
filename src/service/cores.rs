//! Work spread over the machine's cores, with its results in order.

/// `f` applied to every item on up to four threads, each taking a run of the items; the
/// results in the items' order, `None` for the items of a thread that panicked.
pub fn map_on_cores<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<Option<R>> {
    if items.is_empty() {
        return Vec::new();
    }
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get()).clamp(1, 4);
    let run = items.len().div_ceil(workers);
    let f = &f;
    std::thread::scope(|scope| {
        let handles: Vec<_> = items
            .chunks(run)
            .map(|part| (part.len(), scope.spawn(move || part.iter().map(f).collect::<Vec<R>>())))
            .collect();
        handles
            .into_iter()
            .flat_map(|(n, handle)| match handle.join() {
                Ok(done) => done.into_iter().map(Some).collect::<Vec<_>>(),
                Err(_) => (0..n).map(|_| None).collect(),
            })
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::map_on_cores;

    #[test]
    fn results_keep_the_order_and_a_panic_costs_only_its_run() {
        let items: Vec<u32> = (0..103).collect();
        let doubled = map_on_cores(&items, |i| i * 2);
        assert_eq!(doubled, items.iter().map(|i| Some(i * 2)).collect::<Vec<_>>());
        let with_panic = map_on_cores(&items, |&i| {
            assert!(i != 0, "a failing item");
            i
        });
        assert_eq!(with_panic.len(), items.len());
        assert_eq!(with_panic[0], None);
        if std::thread::available_parallelism().is_ok_and(|n| n.get() > 1) {
            assert_eq!(with_panic[102], Some(102), "the other runs are kept");
        }
        assert!(map_on_cores(&Vec::<u32>::new(), |i| *i).is_empty());
    }
}
