internal import Dispatch

extension Array where Element: Sendable {
    /// Maps every element on all cores; the results keep the input order.
    public func parallelMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        if count < 2 { return map(transform) }
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            guard let start = buffer.baseAddress else { return }
            let base = SendablePointer(start)
            self.withUnsafeBufferPointer { input in
                let source = SendableInput(input)
                DispatchQueue.concurrentPerform(iterations: input.count) { index in
                    (base.pointer + index).initialize(to: transform(source.buffer[index]))
                }
            }
            initialized = count
        }
    }
}

/// Each concurrent iteration writes only its own slot, so sharing the base pointer is safe.
private struct SendablePointer<T>: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<T>
    init(_ pointer: UnsafeMutablePointer<T>) { self.pointer = pointer }
}

private struct SendableInput<T>: @unchecked Sendable {
    let buffer: UnsafeBufferPointer<T>
    init(_ buffer: UnsafeBufferPointer<T>) { self.buffer = buffer }
}
