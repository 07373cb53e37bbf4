import Testing

@testable import SpriteEngine

extension ProceduralTests {
    @Suite("Seeded random")
    struct SeededRandomTests {
        @Test("Produces the reference SplitMix64 sequence")
        func referenceSequence() {
            var random = SeededRandom(seed: 0)
            #expect(random.next() == 0xE220_A839_7B1D_CDAF)
            #expect(random.next() == 0x6E78_9E6A_A1B9_65F4)
            #expect(random.next() == 0x06C4_5D18_8009_454F)
        }

        @Test("Stays within bounds")
        func bounds() {
            var random = SeededRandom(seed: 99)
            for bound in [1, 2, 3, 7, 100, 1000] {
                for _ in 0..<200 {
                    let value = random.next(below: bound)
                    #expect(value >= 0 && value < bound)
                }
            }
            #expect(random.next(below: 0) == 0)
            #expect(random.pick([Int]()) == nil)
        }

        @Test("The same seed repeats the same sequence")
        func repeatable() {
            var first = SeededRandom(seed: 12345)
            var second = SeededRandom(seed: 12345)
            #expect((0..<50).map { _ in first.next() } == (0..<50).map { _ in second.next() })
        }
    }
}
