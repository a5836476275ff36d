-- wrk script for the flood row of bench/run.sh: distinct searches for three
-- common words of the generated blog, each from a random client address as
-- a trusted proxy forwards it (X-Forwarded-For), so no kept page answers
-- them and no per-address limit slows them.
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

local function word()
    return words[math.random(#words)]
end

function request()
    local address = string.format("%d.%d.%d.%d",
        math.random(1, 223), math.random(0, 255), math.random(0, 255), math.random(1, 254))
    local path = "/search?q=" .. word() .. "+" .. word() .. "+" .. word()
    return wrk.format("GET", path, { ["X-Forwarded-For"] = address })
end
