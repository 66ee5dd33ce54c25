-- The shopper mix for wrk's saturation run (closed loop: each connection sends its next request when the
-- previous one is answered). bench/mix.sh runs it as
--   wrk -s bench/mix.lua URL -- TARGETS SHOPPERS WEIGHTS
-- TARGETS: lines "KIND PATH" (category, product, search, home) and "sku SKU"; SHOPPERS: lines
-- "COOKIE-HEADER<TAB>CSRF-TOKEN<TAB>CLIENT-ADDRESS<TAB>ITEMS-IN-CART" from bench/MixLoad.java (--shoppers-out);
-- WEIGHTS: kind=weight,... (category product search home cart add checkout).
-- wrk does not say which connection an answer belongs to, so a shopper's cart is tracked as sent: an order is
-- placed for the shopper whose items were added longest ago. Every thread has its own share of the shoppers.

local threads = {}

function setup(thread)
    table.insert(threads, thread)
    thread:set("thread_id", #threads)
end

local targets, shoppers, pattern = {}, {}, {}
local with_items, first, last = {}, 1, 0
local slot, orders, next_add = 0, 0, 0
placed = 0

local function read_lines(file)
    local lines = {}
    for line in io.lines(file) do
        if line ~= "" then table.insert(lines, line) end
    end
    return lines
end

local function shuffle(list)
    for i = #list, 2, -1 do
        local j = math.random(i)
        list[i], list[j] = list[j], list[i]
    end
end

local function push(shopper)
    last = last + 1
    with_items[last] = shopper
end

local function pop()
    if first > last then return nil end
    local shopper = with_items[first]
    with_items[first] = nil
    first = first + 1
    return shopper
end

function init(args)
    local id = tonumber(thread_id) or 1
    local thread_count = tonumber(args[4]) or 1
    math.randomseed(id)
    for _, line in ipairs(read_lines(args[1])) do
        local kind, value = line:match("^(%S+) (.+)$")
        if kind then
            targets[kind] = targets[kind] or {}
            table.insert(targets[kind], value)
        end
    end
    for n, line in ipairs(read_lines(args[2])) do
        if n % thread_count == id % thread_count then
            local cookie, token, address, items = line:match("^([^\t]*)\t([^\t]*)\t([^\t]*)\t(%d+)$")
            local shopper = { cookie = cookie, token = token, address = address, items = tonumber(items) }
            table.insert(shoppers, shopper)
            if shopper.items > 0 then push(shopper) end
        end
    end
    for entry in args[3]:gmatch("[^,]+") do
        local kind, weight = entry:match("^(%a+)=(%d+)$")
        for _ = 1, tonumber(weight) do table.insert(pattern, kind) end
    end
    shuffle(pattern)
    assert(#shoppers > 0 and #pattern > 0, "no shoppers for thread " .. id .. " or no weights")
end

local function any(list)
    return list[math.random(#list)]
end

local function headers(shopper, extra)
    local h = { ["Cookie"] = shopper.cookie, ["X-Forwarded-For"] = shopper.address, ["Accept-Encoding"] = "gzip" }
    for k, v in pairs(extra or {}) do h[k] = v end
    return h
end

local function escape(text)
    return (text:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

local function add_to_cart()
    next_add = next_add % #shoppers + 1
    local shopper = shoppers[next_add]
    if shopper.items == 0 then push(shopper) end
    shopper.items = shopper.items + 1
    local body = "csrf-token=" .. escape(shopper.token) .. "&sku=" .. escape(any(targets.sku)) .. "&quantity=1"
    return wrk.format("POST", "/cart/add", headers(shopper, { ["Content-Type"] = "application/x-www-form-urlencoded" }), body)
end

local function place_order()
    local shopper = pop()
    if shopper == nil then return add_to_cart() end
    shopper.items = 0
    orders = orders + 1
    local key = string.format("mix-wrk-%d-%d-%d", os.time(), tonumber(thread_id) or 1, orders)
    local body = string.format('{"email":"%s@example.com","shippingMethod":"standard","paymentMethod":"cash-on-delivery",'
        .. '"shippingAddress":{"fullName":"Mix Shopper %d","line1":"Calle Mayor %d","city":"Madrid",'
        .. '"postalCode":"28013","country":"ES"}}', key, orders, orders)
    return wrk.format("POST", "/api/v1/orders",
        headers(shopper, { ["Content-Type"] = "application/json", ["Idempotency-Key"] = key }), body)
end

function request()
    slot = slot % #pattern + 1
    local kind = pattern[slot]
    if kind == "add" then return add_to_cart() end
    if kind == "checkout" then return place_order() end
    local path = kind == "cart" and "/cart" or any(targets[kind])
    return wrk.format("GET", path, headers(any(shoppers)))
end

-- 201 Created answers only an order placed.
function response(status)
    if status == 201 then placed = placed + 1 end
end

-- One line for bench/mix.sh; latencies in ms.
function done(summary, latency, _)
    local e = summary.errors
    local total_placed = 0
    for _, thread in ipairs(threads) do total_placed = total_placed + (tonumber(thread:get("placed")) or 0) end
    io.write(string.format("result requests=%d seconds=%.2f achieved=%.1f p50=%.1f p99=%.1f p999=%.1f errors=%d "
        .. "timeouts=%d statuses=%d socket_errors=%d placed=%d\n",
        summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
        latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency:percentile(99.9) / 1000,
        e.status + e.connect + e.read + e.write + e.timeout, e.timeout, e.status, e.connect + e.read + e.write, total_placed))
end
