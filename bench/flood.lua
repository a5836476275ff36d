-- wrk script for the flood row of bench/run.sh: searches for a common word
-- of the generated blog (each in most of its posts), each address distinct
-- (a counter in the query string), so no kept page answers them, and each
-- from a random client address as a trusted proxy forwards it
-- (X-Forwarded-For), so no per-address limit slows them.
local words = {
    "garden", "orchard", "river", "morning", "evening", "lantern", "harbour",
    "meadow", "pepper", "kettle", "window", "letter", "bicycle", "market",
    "village", "autumn", "winter", "summer", "spring", "bread", "butter",
    "honey", "apple", "pear", "plum", "cherry", "walnut", "chestnut", "barley",
}

local threads = 0
function setup(thread)
    threads = threads + 1
    thread:set("seed", threads)
end

function init(args)
    math.randomseed(os.time() * 1000 + (seed or 0))
end

local sent = 0
function request()
    sent = sent + 1
    local address = string.format("%d.%d.%d.%d",
        math.random(1, 223), math.random(0, 255), math.random(0, 255), math.random(1, 254))
    local path = "/search?q=" .. words[math.random(#words)] .. "&n=" .. seed .. "-" .. sent
    return wrk.format("GET", path, { ["X-Forwarded-For"] = address })
end
