// The product page's options, enhanced: picking a size or colour shows that variant's price, stock, SKU and picture
// at once, and says on the options and the Add to cart button why a combination cannot be bought. Everything shown
// comes from the server (the JSON in #variants, one state per combination); without this script the form still
// submits the options and the server resolves them.
(function () {
  'use strict';

  var dataBlock = document.getElementById('variants');
  var form = document.querySelector('form.add-to-cart');
  if (!dataBlock || !form) {
    return;
  }
  var data = JSON.parse(dataBlock.textContent);
  var price = document.getElementById('price');
  var stock = document.getElementById('stock');
  var sku = document.getElementById('sku');
  var button = form.querySelector('button[type=submit]');
  var addLabel = button.textContent;

  function chosenOptions() {
    var chosen = {};
    data.options.forEach(function (name) {
      var checked = Array.prototype.find.call(form.querySelectorAll('input[type=radio]'), function (radio) {
        return radio.name === name && radio.checked;
      });
      chosen[name] = checked ? checked.value : null;
    });
    return chosen;
  }

  function stateFor(chosen) {
    return data.states.find(function (state) {
      return data.options.every(function (name) { return state.options[name] === chosen[name]; });
    });
  }

  function showNotes(notes) {
    form.querySelectorAll('input.option-input').forEach(function (radio) {
      var label = form.querySelector('label[for="' + radio.id + '"]');
      var note = notes[radio.id];
      label.classList.toggle('unavailable', Boolean(note));
      label.textContent = radio.value;
      if (note) {
        var shown = document.createElement('span');
        shown.className = 'option-note';
        shown.textContent = note;
        label.append(' ', shown);
      }
    });
  }

  function showPicture(picture) {
    var gallery = document.querySelector('.gallery');
    var first = gallery && gallery.firstElementChild;
    var img = first && (first.tagName === 'IMG' ? first : first.querySelector('img'));
    if (!picture || !img || img.getAttribute('src') === picture.src) {
      return;
    }
    var sizes = img.getAttribute('sizes');
    var next = document.createElement('img');
    next.src = picture.src;
    if (picture.srcset) {
      next.srcset = picture.srcset;
      next.sizes = sizes;
    }
    next.alt = picture.alt;
    next.width = picture.width;
    next.height = picture.height;
    if (picture.webpSrcset) {
      var source = document.createElement('source');
      source.type = 'image/webp';
      source.srcset = picture.webpSrcset;
      source.sizes = sizes;
      var wrapper = document.createElement('picture');
      wrapper.append(source, next);
      next = wrapper;
    }
    first.replaceWith(next);
  }

  function show(state, chosen) {
    showNotes(state ? state.notes : {});
    if (state && state.sku) {
      // Rendered by the server's own price tag, so prices read exactly as on a page load.
      price.innerHTML = state.priceHtml;
      sku.textContent = 'SKU ' + state.sku;
      sku.hidden = false;
      stock.textContent = state.stock;
    } else {
      sku.hidden = true;
      stock.textContent = state ? state.unavailable : 'Not made in ' + Object.values(chosen).join(' / ');
    }
    var unavailable = state ? state.unavailable : stock.textContent;
    stock.classList.toggle('in-stock', !unavailable);
    stock.classList.toggle('out-of-stock', Boolean(unavailable));
    button.disabled = Boolean(unavailable);
    button.textContent = unavailable || addLabel;
    if (state && state.picture !== null && state.picture !== undefined) {
      showPicture(data.pictures[state.picture]);
    }
  }

  // The address keeps the choice (the options as the page's own query parameters), so a reload or a shared link
  // shows the same variant; replaced, not pushed, so Back leaves the page instead of stepping through choices.
  function remember(chosen) {
    var url = new URL(window.location.href);
    url.searchParams.delete('sku');
    data.options.forEach(function (name) {
      if (chosen[name] !== null) {
        url.searchParams.set(name, chosen[name]);
      }
    });
    window.history.replaceState(window.history.state, '', url);
  }

  form.addEventListener('change', function (event) {
    if (!event.target.classList.contains('option-input')) {
      return;
    }
    var chosen = chosenOptions();
    var problem = document.getElementById('form-error');
    if (problem) {
      problem.remove();
    }
    show(stateFor(chosen), chosen);
    remember(chosen);
  });

  // The browser may restore other options than the server checked (Back, reload): show what is checked.
  var initial = chosenOptions();
  show(stateFor(initial), initial);
}());
