// Catalog pages are the same for every shopper, so their header arrives without anything personal: this fills in
// the cart count, the account links and the CSRF tokens of the page's forms from /api/v1/shopper. Without it the
// links still lead to the cart and the account (which asks a signed-out visitor to sign in), and adding to the cart
// still works (the server accepts that one form from this site without a token).
(function () {
  'use strict';

  if (!window.fetch) {
    return;
  }

  function show(shopper) {
    var count = document.querySelector('.mini-cart-count');
    var cart = document.querySelector('.mini-cart');
    if (count && cart) {
      count.textContent = String(shopper.cartCount);
      cart.setAttribute('aria-label', shopper.cartLabel);
    }
    var account = document.querySelector('.shopper-account');
    if (account && !shopper.signedIn) {
      account.textContent = 'Sign in';
      account.setAttribute('href', '/account/sign-in');
    }
    var admin = document.querySelector('.shopper-admin');
    if (admin) {
      admin.hidden = !shopper.admin;
    }
    document.querySelectorAll('input[name="csrf-token"]').forEach(function (field) {
      field.value = shopper.csrfToken;
    });
  }

  fetch('/api/v1/shopper', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then(function (response) { return response.ok ? response.json() : null; })
    .then(function (shopper) {
      if (shopper) {
        show(shopper);
      }
    })
    .catch(function () { /* the page still works without it */ });
})();
