package api

import (
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/podium-sport/podium/datasets"
)

// newUser is the body of POST /v1/users.
type newUser struct {
	Name string `json:"name"`
	Role string `json:"role"` // selection, integrity, data or admin
}

// createdUser is POST /v1/users's data: the token is shown only here.
type createdUser struct {
	User  datasets.User `json:"user"`
	Token string        `json:"token"`
}

// disabledUser is DELETE /v1/users/{name}'s data.
type disabledUser struct {
	Name     string `json:"name"`
	Disabled bool   `json:"disabled"`
}

func (s *Server) listUsers(c *gin.Context) error {
	users, err := s.store.ListUsers(c.Request.Context())
	if err != nil {
		return err
	}
	return respond(c, http.StatusOK, users, nil)
}

func (s *Server) addUser(c *gin.Context) error {
	var nu newUser
	if err := decodeJSON(c.Request.Body, &nu); err != nil {
		return err
	}
	admin, _ := CurrentUser(c)
	u, token, err := s.store.AddUser(c.Request.Context(), nu.Name, nu.Role, admin.Name)
	if err != nil {
		return err
	}
	return respond(c, http.StatusCreated, createdUser{User: u, Token: token}, nil)
}

func (s *Server) disableUser(c *gin.Context) error {
	admin, _ := CurrentUser(c)
	name := c.Param("name")
	if err := s.store.DisableUser(c.Request.Context(), name, admin.Name); err != nil {
		return err
	}
	return respond(c, http.StatusOK, disabledUser{Name: name, Disabled: true}, nil)
}
