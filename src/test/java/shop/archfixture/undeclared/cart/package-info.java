@AllowedDependencies({})
package shop.archfixture.undeclared.cart;

import shop.storefront.platform.AllowedDependencies;
