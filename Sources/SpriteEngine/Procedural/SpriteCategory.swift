/// What kind of thing a sprite is; picks the mask template family.
package enum SpriteCategory: String, CaseIterable, Sendable, Codable {
    case character, creature, item, vehicle, tile

    /// Infers the category from the first prompt word that names one, nil when nothing matches.
    ///
    /// "knight", "wizard" → character; "slime", "dragon", "bat" → creature; "sword", "potion", "coin" → item;
    /// "car", "ship", "tank" → vehicle; "grass", "stone", "brick", "water" → tile.
    package static func infer(fromPrompt prompt: String) -> SpriteCategory? {
        for word in PromptWords.words(in: prompt) {
            if let category = keywords[word] ?? keywords[PromptWords.singular(word)] { return category }
        }
        return nil
    }

    private static let keywords: [String: SpriteCategory] = {
        let families: [(SpriteCategory, [String])] = [
            (
                .character,
                [
                    "knight", "wizard", "mage", "witch", "warrior", "hero", "heroine", "soldier", "archer", "king",
                    "queen", "prince", "princess", "villager", "farmer", "merchant", "thief", "rogue", "ninja",
                    "samurai", "pirate", "robot", "astronaut", "paladin", "cleric", "priest", "monk", "man", "woman",
                    "boy", "girl", "player", "character", "person", "npc", "guard", "adventurer", "elf", "dwarf",
                    "zombie", "skeleton", "vampire", "necromancer", "barbarian", "hunter", "ranger", "chef",
                ]
            ),
            (
                .creature,
                [
                    "slime", "dragon", "bat", "monster", "creature", "beast", "spider", "snake", "wolf", "cat", "dog",
                    "bird", "owl", "frog", "fish", "ghost", "blob", "demon", "imp", "goblin", "orc", "troll", "bug",
                    "beetle", "crab", "rat", "bear", "boar", "bee", "octopus", "squid", "jellyfish", "mushroom",
                    "golem", "elemental", "alien", "insect", "scorpion", "ant", "chicken", "pig", "cow", "fox",
                ]
            ),
            (
                .item,
                [
                    "sword", "potion", "coin", "key", "chest", "shield", "axe", "bow", "arrow", "staff", "wand",
                    "gem", "jewel", "crystal", "ring", "amulet", "helmet", "armor", "armour", "scroll", "book", "bomb",
                    "apple", "heart", "star", "flask", "bottle", "dagger", "hammer", "spear", "treasure", "crown",
                    "item", "pickup", "loot", "torch", "lantern", "food", "bread", "orb", "rune",
                ]
            ),
            (
                .vehicle,
                [
                    "car", "ship", "tank", "spaceship", "starship", "spacecraft", "rocket", "plane", "airplane",
                    "jet", "truck", "boat", "submarine", "ufo", "vehicle", "fighter", "cruiser", "bike", "motorcycle",
                    "kart", "buggy", "train", "helicopter", "shuttle", "racer",
                ]
            ),
            (
                .tile,
                [
                    "grass", "stone", "brick", "bricks", "wall", "water", "floor", "tile", "tiles", "ground", "dirt",
                    "sand", "lava", "cobblestone", "cobble", "rock", "ocean", "sea", "lake", "river", "path", "road",
                    "terrain", "texture", "moss", "snow", "plank", "planks", "pavement",
                ]
            ),
        ]
        var table: [String: SpriteCategory] = [:]
        for (category, words) in families {
            for word in words where table[word] == nil { table[word] = category }
        }
        return table
    }()
}
